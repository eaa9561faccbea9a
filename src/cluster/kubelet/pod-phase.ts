/** The kubelet's getPhase, from what it knows of each container: waiting → Pending, running → Running, all stopped → by restart policy. */
import type { ContainerView, PodView } from './pod-status';

export interface ContainerRunView {
  isInit: boolean;
  view: ContainerView;
}

export function isSucceeded(v: ContainerView): boolean {
  return 'terminated' in v.state && v.state.terminated.exitCode === 0;
}

export function podPhase(runs: readonly ContainerRunView[], restartPolicy: string | undefined): PodView['phase'] {
  if (runs.some((r) => r.isInit && !isSucceeded(r.view))) {
    const failedInit = runs.some((r) => r.isInit && 'terminated' in r.view.state && r.view.state.terminated.exitCode !== 0);
    return failedInit && restartPolicy === 'Never' ? 'Failed' : 'Pending';
  }
  let waiting = 0, running = 0, stopped = 0, succeeded = 0;
  for (const r of runs) {
    if (r.isInit) continue;
    const s = r.view.state;
    if ('running' in s) running++;
    else if ('terminated' in s) {
      stopped++;
      if (s.terminated.exitCode === 0) succeeded++;
    } else if ('terminated' in r.view.lastState) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  const policy = restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  if (policy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
  return stopped === succeeded ? 'Succeeded' : 'Failed';
}
