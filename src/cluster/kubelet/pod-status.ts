/**
 * Builds a pod's status from what the kubelet knows about its containers, the
 * way the kubelet's status manager does: phase, the five conditions (a
 * condition's lastTransitionTime moves only when its status changes), and one
 * containerStatus per container.
 */
import type { KubeObject } from '../api/types';
import type { Obj } from '../controllers/runtime/resources';

export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: { exitCode: number; reason: string; startedAt?: string; finishedAt: string; containerID?: string; signal?: number } };

export interface ContainerView {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerState;
  lastState: ContainerState | Record<string, never>;
  ready: boolean;
  started: boolean;
  restartCount: number;
  volumeMounts?: Obj[];
}

export interface PodView {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  hostIP: string;
  podIP?: string;
  sandboxReady: boolean;
  startTime: string;
  init: ContainerView[];
  containers: ContainerView[];
}

function statusMounts(container: Obj): Obj[] | undefined {
  const mounts: Obj[] = container?.volumeMounts ?? [];
  if (!mounts.length) return undefined;
  return mounts.map((m) => (m.readOnly ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' } : { mountPath: m.mountPath, name: m.name }));
}

/** A container that has not started yet, as the first kubelet status shows it. */
export function freshContainer(container: Obj, reason: string): ContainerView {
  return {
    name: container.name,
    image: container.image,
    imageID: '',
    state: { waiting: { reason } },
    lastState: {},
    ready: false,
    started: false,
    restartCount: 0,
    volumeMounts: statusMounts(container),
  };
}

function containerStatus(c: ContainerView): Obj {
  const out: Obj = {
    image: c.image,
    imageID: c.imageID,
    lastState: c.lastState,
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state: c.state,
  };
  if (c.containerID) out.containerID = c.containerID;
  if (c.volumeMounts) out.volumeMounts = c.volumeMounts;
  return out;
}

interface Cond {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function conditionsFor(view: PodView): Cond[] {
  const unready = view.containers.filter((c) => !c.ready).map((c) => c.name);
  const initPending = view.init.filter((c) => !('terminated' in c.state && c.state.terminated.exitCode === 0)).map((c) => c.name);
  const terminal = view.phase === 'Succeeded' || view.phase === 'Failed';
  const initialized: Cond = initPending.length && !terminal
    ? { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${initPending.join(' ')}]` }
    : { type: 'Initialized', status: 'True' };
  let ready: Cond;
  if (terminal) ready = { type: 'Ready', status: 'False', reason: 'PodCompleted' };
  else if (initPending.length) ready = { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${view.containers.map((c) => c.name).join(' ')}]` };
  else if (unready.length) ready = { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  else ready = { type: 'Ready', status: 'True' };
  if (terminal) initialized.reason = initialized.status === 'True' ? 'PodCompleted' : initialized.reason;
  return [
    { type: 'PodReadyToStartContainers', status: view.sandboxReady ? 'True' : 'False' },
    initialized,
    ready,
    { ...ready, type: 'ContainersReady' },
  ];
}

/** The status to write: merges this view into the pod's current status. */
export function buildPodStatus(pod: KubeObject, view: PodView, now: string): Obj {
  const prev: Obj = pod.status ?? {};
  const prevConds: Obj[] = prev.conditions ?? [];
  const conditions: Obj[] = conditionsFor(view).map((c) => {
    const old = prevConds.find((p) => p.type === c.type);
    const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : now;
    const out: Obj = { lastProbeTime: null, lastTransitionTime, status: c.status, type: c.type };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  });
  // Conditions other writers own (PodScheduled from the scheduler/binding) keep their place at the end.
  for (const other of prevConds) if (!conditions.some((c) => c.type === other.type)) conditions.push(other);
  const status: Obj = {
    ...prev,
    conditions,
    containerStatuses: view.containers.map(containerStatus),
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    phase: view.phase,
    startTime: view.startTime,
  };
  if (view.init.length) status.initContainerStatuses = view.init.map(containerStatus);
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = [{ ip: view.podIP }];
  }
  return status;
}
