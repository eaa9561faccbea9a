/** pods/binding: how a scheduler assigns a pod to a node (POST of a v1 Binding). */
import { ApiError, notFound } from './errors';
import type { ApiServer } from './server';
import type { KubeObject } from './types';
import { deepClone } from './object-utils';
import { toRFC3339 } from '../clock';

export function createBinding(server: ApiServer, binding: KubeObject): KubeObject {
  const namespace = binding.metadata?.namespace || 'default';
  const name = binding.metadata?.name ?? '';
  const pod = server.store.peek('pods', namespace, name);
  if (!pod) throw notFound('pods', '', name);
  const target = (binding as { target?: { name?: string } }).target?.name;
  const spec = pod.spec as { nodeName?: string };
  if (spec.nodeName)
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${spec.nodeName}"`, {
      name,
      kind: 'pods/binding',
    });
  if (pod.metadata.deletionTimestamp)
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`, { name, kind: 'pods/binding' });
  const next = deepClone(pod);
  (next.spec as { nodeName?: string }).nodeName = target;
  // As the binding REST does: the PodScheduled condition turns True with the assignment.
  const status = (next.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
  const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ lastProbeTime: null, lastTransitionTime: toRFC3339(server.clock.now()), status: 'True', type: 'PodScheduled' });
  next.status = { ...status, conditions };
  server.store.update('pods', namespace, next);
  return deepClone(binding);
}
