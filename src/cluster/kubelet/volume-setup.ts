/**
 * The kubelet volume manager's view of a pod's configMap and secret volumes:
 * which of them fail MountVolume.SetUp and why, and how long the reconciler
 * waits before trying a failed one again (nestedpendingoperations' exponential
 * backoff: 500ms, doubling, at most 2m2s).
 *
 * Kubernetes v1.32 reports each failed attempt as a FailedMount event
 * `MountVolume.SetUp failed for volume "<name>" : <error>`. The older
 * "Unable to attach or mount volumes: … timed out waiting for the condition"
 * event is gone: since syncPod checks `!wait.Interrupted(err)`, the 2-minute
 * WaitForAttachAndMount timeout is only logged.
 */
import type { ClusterClient } from '../client/types';
import type { KubeObject } from '../api/types';
import { CONFIGMAPS, SECRETS, ignoreNotFound, type Obj } from '../controllers/runtime/resources';
import { project, projectionSource, type ProjectionSource } from '../containers/projection';

export { CONFIGMAPS, SECRETS };

const INITIAL_RETRY_MS = 500;
const MAX_RETRY_MS = 122_000;

/**
 * The pod worker's periodic sync (kubelet --sync-frequency, 1m). Each sync sets
 * configMap and secret volumes up again, which is how an updated object reaches
 * the mounted files: kubelab's delay is until the pod's next sync, at most 60s
 * (the real one adds up to 30s of jitter and the object cache's propagation).
 */
export const POD_SYNC_MS = 60_000;

export interface MountFailure {
  volume: string;
  message: string;
}

/** How long after the nth failure in a row (0-based) the volume is tried again. */
export function mountRetryMs(failures: number): number {
  return Math.min(MAX_RETRY_MS, INITIAL_RETRY_MS * 2 ** failures);
}

export function failedMountMessage(f: MountFailure): string {
  return `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`;
}

/** Volumes some container mounts (the volume manager ignores the others), that project a ConfigMap or Secret. */
export function projectedVolumes(spec: Obj): Array<{ name: string; source: ProjectionSource }> {
  const mounted = new Set<string>();
  for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])] as Obj[]) for (const m of (c.volumeMounts ?? []) as Obj[]) mounted.add(m.name);
  const out: Array<{ name: string; source: ProjectionSource }> = [];
  for (const v of (spec?.volumes ?? []) as Obj[]) {
    const source = projectionSource(v);
    if (source && mounted.has(v.name)) out.push({ name: v.name, source });
  }
  return out;
}

/** SetUp of each configMap/secret volume against the objects as the API has them now; the failures, in volume order. */
export async function mountFailures(client: ClusterClient, pod: KubeObject): Promise<MountFailure[]> {
  const ns = pod.metadata.namespace ?? 'default';
  const failures: MountFailure[] = [];
  for (const { name, source } of projectedVolumes(pod.spec)) {
    const obj = await ignoreNotFound(client.get(source.kind === 'configmap' ? CONFIGMAPS : SECRETS, ns, source.name)).catch(() => undefined);
    const result = project(source, obj);
    if (!result.ok) failures.push({ volume: name, message: result.message });
  }
  return failures;
}
