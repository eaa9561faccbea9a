/**
 * Deletion semantics: finalizers hold an object with deletionTimestamp set;
 * propagation policies become the `orphan` / `foregroundDeletion` finalizers
 * the garbage collector works on; pods on a node terminate gracefully when a
 * kubelet is registered; namespaces go Terminating for the namespace controller.
 */
import type { Clock } from '../clock';
import { toRFC3339 } from '../clock';
import type { DeleteOptions } from '../client/types';
import { ApiError, notFound } from './errors';
import { deepClone } from './object-utils';
import type { Store } from './store';
import type { KubeObject, ResourceInfo } from './types';

export interface DeleteContext {
  store: Store;
  clock: Clock;
  /** A kubelet finishes pod termination (else pods are removed at once). */
  gracefulPods: boolean;
}

export interface DeleteResult {
  object: KubeObject;
  /** A pod entered graceful termination: the kubelet should stop it. */
  terminating: boolean;
}

const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** Whether a deleting object has nothing left holding it. */
export function readyToRemove(ctx: DeleteContext, resource: string, obj: KubeObject): boolean {
  if (!obj.metadata.deletionTimestamp) return false;
  if ((obj.metadata.finalizers ?? []).length) return false;
  if (resource === 'namespaces') return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length === 0;
  if (resource === 'pods' && ctx.gracefulPods) return (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0;
  return true;
}

function podGracePeriod(pod: KubeObject, options: DeleteOptions): number {
  const spec = pod.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
}

export function deleteObject(
  ctx: DeleteContext,
  info: ResourceInfo,
  resource: string,
  namespace: string,
  name: string,
  options: DeleteOptions,
): DeleteResult {
  const { store, clock } = ctx;
  const old = store.peek(resource, namespace, name);
  if (!old) throw notFound(info.resource, info.group, name);
  if (resource === 'namespaces' && IMMORTAL_NAMESPACES.has(name))
    throw new ApiError(403, 'Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' });
  if (options.dryRun) return { object: deepClone(old), terminating: false };

  const next = deepClone(old);
  const meta = next.metadata;
  const now = clock.now();
  const finalizers = [...(meta.finalizers ?? [])];
  const policy = options.propagationPolicy;
  const firstDelete = !meta.deletionTimestamp;
  if (firstDelete && policy === 'Orphan' && !finalizers.includes(ORPHAN_FINALIZER)) finalizers.push(ORPHAN_FINALIZER);
  if (firstDelete && policy === 'Foreground' && !finalizers.includes(FOREGROUND_FINALIZER)) finalizers.push(FOREGROUND_FINALIZER);
  if (finalizers.length) meta.finalizers = finalizers;

  if (resource === 'namespaces') {
    if (firstDelete) {
      meta.deletionTimestamp = toRFC3339(now);
      meta.deletionGracePeriodSeconds = 0;
      next.status = { ...(next.status as object), phase: 'Terminating' };
      return { object: store.update(resource, namespace, next), terminating: false };
    }
    return { object: deepClone(old), terminating: false };
  }

  if (resource === 'pods' && ctx.gracefulPods) {
    const grace = podGracePeriod(old, options);
    const current = meta.deletionGracePeriodSeconds;
    if (grace > 0 && (current === undefined || grace < current)) {
      meta.deletionTimestamp = toRFC3339(now + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
      return { object: store.update(resource, namespace, next), terminating: true };
    }
    if (grace > 0) return { object: deepClone(old), terminating: false };
    meta.deletionGracePeriodSeconds = 0;
    meta.deletionTimestamp ??= toRFC3339(now);
  }

  if (finalizers.length) {
    if (meta.deletionTimestamp && !firstDelete && resource !== 'pods') return { object: deepClone(old), terminating: false };
    meta.deletionTimestamp ??= toRFC3339(now);
    meta.deletionGracePeriodSeconds ??= 0;
    return { object: store.update(resource, namespace, next), terminating: false };
  }
  return { object: store.remove(resource, namespace, name, firstDelete ? undefined : next)!, terminating: false };
}
