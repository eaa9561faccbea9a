/** Pods: printPod's READY / STATUS / RESTARTS derivation (pkg/printers/internalversion). */
import { ageSince } from './age';
import { col, type Json, type KindPrinter } from './types';

const isRestartable = (c: Json): boolean => c?.restartPolicy === 'Always';

// Shared stand-ins for absent fields: summaries run once per listed pod, and are read-only.
const NONE: readonly Json[] = Object.freeze([]);
const EMPTY: Json = Object.freeze({});

function laterThan(a: string | undefined, b: string | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  return Date.parse(a) > Date.parse(b);
}

function hasReadyCondition(conditions: Json[]): boolean {
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

export function summarizePod(pod: Json, now: number): PodSummary {
  const spec = pod.spec ?? EMPTY;
  const status = pod.status ?? EMPTY;
  const conditions = (status.conditions ?? NONE) as Json[];
  const initSpecs = (spec.initContainers ?? NONE) as Json[];
  let totalContainers = ((spec.containers ?? NONE) as Json[]).length;
  for (const c of initSpecs) if (isRestartable(c)) totalContainers++;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;

  const phase = String(status.phase ?? '');
  let reason = status.reason ? String(status.reason) : phase;
  for (const c of conditions) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses = (status.initContainerStatuses ?? NONE) as Json[];
  const initByName = initStatuses.length > 0 ? new Map(initSpecs.map((c) => [c.name, c])) : undefined;
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    const finished = cs.lastState?.terminated?.finishedAt;
    if (laterThan(finished, lastRestart)) lastRestart = finished;
    const sidecar = isRestartable(initByName!.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      if (laterThan(finished, lastSidecarRestart)) lastSidecarRestart = finished;
    }
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = (status.containerStatuses ?? NONE) as Json[];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const finished = cs.lastState?.terminated?.finishedAt;
      if (laterThan(finished, lastRestart)) lastRestart = finished;
      const waiting = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasReadyCondition(conditions) ? 'Running' : 'NotReady';
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  if (deleting && status.reason === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart) restartsText = `${restarts} (${ageSince(lastRestart, now)} ago)`;
  totalContainers = Math.max(totalContainers, 0);
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function readinessGates(pod: Json): string {
  const gates = (pod.spec?.readinessGates ?? NONE) as Json[];
  if (gates.length === 0) return '<none>';
  const conditions = (pod.status?.conditions ?? NONE) as Json[];
  let trueCount = 0;
  for (const g of gates) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (c?.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: KindPrinter = {
  columns: [
    col('NAME'),
    col('READY'),
    col('STATUS'),
    col('RESTARTS'),
    col('AGE'),
    col('IP', true),
    col('NODE', true),
    col('NOMINATED NODE', true),
    col('READINESS GATES', true),
  ],
  cells(pod, now) {
    const s = summarizePod(pod, now);
    const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
    return [
      pod.metadata.name,
      s.ready,
      s.status,
      s.restarts,
      ageSince(pod.metadata.creationTimestamp, now),
      ip,
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
};
