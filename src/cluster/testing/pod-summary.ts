/** READY and STATUS of a pod as `kubectl get pods` derives them (printers.go printPod), for tests. */
import type { KubeObject } from '../api/types';
import type { Obj } from '../controllers/runtime/resources';

export function podSummary(pod: KubeObject): string {
  const status = (pod.status ?? {}) as Obj;
  const spec = (pod.spec ?? {}) as Obj;
  let reason: string = status.reason ?? status.phase ?? '';
  const containers: Obj[] = status.containerStatuses ?? [];
  const inits: Obj[] = status.initContainerStatuses ?? [];
  let initializing = false;
  inits.forEach((c, i) => {
    if (initializing) return;
    const s = c.state ?? {};
    if (s.terminated?.exitCode === 0) return;
    initializing = true;
    if (s.terminated) reason = s.terminated.reason ? `Init:${s.terminated.reason}` : `Init:ExitCode:${s.terminated.exitCode}`;
    else if (s.waiting?.reason && s.waiting.reason !== 'PodInitializing') reason = `Init:${s.waiting.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
  });
  let ready = 0;
  if (!initializing) {
    let hasRunning = false;
    for (let i = containers.length - 1; i >= 0; i--) {
      const s = containers[i].state ?? {};
      if (s.waiting?.reason) reason = s.waiting.reason;
      else if (s.terminated?.reason) reason = s.terminated.reason;
      else if (s.terminated) reason = `ExitCode:${s.terminated.exitCode}`;
      else if (s.running && containers[i].ready) {
        hasRunning = true;
        ready++;
      } else if (s.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = (status.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  const restarts = containers.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  return `${pod.metadata.name} ${ready}/${(spec.containers ?? []).length} ${reason} ${restarts}`;
}
