/**
 * pkg/drain's GetPodsForDeletion and its filters (filters.go): which pods on a
 * node drain may remove, which it skips, and the warnings and errors it gives.
 */
import { isApiError } from '../../../../cluster/api/errors';
import type { KubeObject } from '../../../../cluster/api/types';
import type { Invocation } from '../context';
import { PODS } from '../verbs/pod-target';

const DAEMONSETS = { group: 'apps', version: 'v1', resource: 'daemonsets' };
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  podSelector: string;
  skipWaitForDeleteTimeoutSeconds: number;
}

type Reason = 'Okay' | 'Skip' | 'Warning' | 'Error';
interface PodDeleteStatus {
  delete: boolean;
  reason: Reason;
  message?: string;
}

const okay = (): PodDeleteStatus => ({ delete: true, reason: 'Okay' });
const skip = (): PodDeleteStatus => ({ delete: false, reason: 'Skip' });
const warning = (del: boolean, message: string): PodDeleteStatus => ({ delete: del, reason: 'Warning', message });
const error = (message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message });

type Filter = (pod: KubeObject) => Promise<PodDeleteStatus> | PodDeleteStatus;

const phaseOf = (pod: KubeObject) => (pod.status as { phase?: string } | undefined)?.phase;
const finished = (pod: KubeObject) => phaseOf(pod) === 'Succeeded' || phaseOf(pod) === 'Failed';
const controllerOf = (pod: KubeObject) => (pod.metadata.ownerReferences ?? []).find((r) => r.controller);

/** shouldSkipPod: terminating for longer than --skip-wait-for-delete-timeout. */
export function shouldSkipPod(pod: KubeObject, seconds: number, now: number): boolean {
  const ts = pod.metadata.deletionTimestamp;
  return seconds > 0 && !!ts && Math.floor((now - Date.parse(ts)) / 1000) > seconds;
}

function makeFilters(inv: Invocation, o: DrainOptions): Filter[] {
  const skipDeleted: Filter = (pod) => (shouldSkipPod(pod, o.skipWaitForDeleteTimeoutSeconds, inv.now()) ? skip() : okay());
  const daemonSet: Filter = async (pod) => {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return okay();
    try {
      await inv.client.get(DAEMONSETS, pod.metadata.namespace, ref.name);
    } catch (e) {
      if (isApiError(e) && e.reason === 'NotFound' && o.force) return warning(true, e.message);
      return error(e instanceof Error ? e.message : String(e));
    }
    return o.ignoreDaemonSets ? warning(false, DAEMONSET_WARNING) : error(DAEMONSET_FATAL);
  };
  const mirror: Filter = (pod) => (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? skip() : okay());
  const localStorage: Filter = (pod) => {
    const volumes = ((pod.spec as { volumes?: Array<{ emptyDir?: unknown }> } | undefined)?.volumes ?? []);
    if (!volumes.some((v) => v.emptyDir !== undefined) || finished(pod)) return okay();
    return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL);
  };
  const unreplicated: Filter = (pod) => {
    if (finished(pod) || controllerOf(pod)) return okay();
    return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
  };
  return [skipDeleted, daemonSet, mirror, localStorage, unreplicated];
}

export class PodDeleteList {
  constructor(readonly items: Array<{ pod: KubeObject; status: PodDeleteStatus }>) {}

  pods(): KubeObject[] {
    return this.items.filter((i) => i.status.delete).map((i) => i.pod);
  }

  /** Messages grouped with their pods (in first-seen order; Go's map order varies). */
  private grouped(reason: Reason): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const { pod, status } of this.items) {
      if (status.reason !== reason) continue;
      const msg = status.message || (reason === 'Error' ? 'unexpected error' : '');
      groups.set(msg, [...(groups.get(msg) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
    }
    return groups;
  }

  warnings(): string {
    return [...this.grouped('Warning')].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
  }

  errors(): string[] {
    return [...this.grouped('Error')].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
  }
}

/** GetPodsForDeletion: the node's pods (all namespaces, --pod-selector), filtered. */
export async function podsForDeletion(inv: Invocation, nodeName: string, o: DrainOptions): Promise<PodDeleteList> {
  const list = await inv.client.list(PODS, { labelSelector: o.podSelector || undefined, fieldSelector: `spec.nodeName=${nodeName}` });
  const filters = makeFilters(inv, o);
  const items: Array<{ pod: KubeObject; status: PodDeleteStatus }> = [];
  for (const pod of list.items) {
    let status = okay();
    for (const f of filters) {
      status = await f(pod);
      if (!status.delete) break;
    }
    items.push({ pod, status });
  }
  return new PodDeleteList(items);
}
