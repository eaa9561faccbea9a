import type { KubeObject } from '../../cluster/api/types';
import { ApiError } from '../../cluster/api/errors';
import { resolveResource } from '../resource-types';
import type { CheckContext } from './types';

/** The object, or undefined when the API answers NotFound. */
export async function getObject(
  ctx: CheckContext,
  resource: string,
  name: string,
  namespace: string | undefined,
): Promise<KubeObject | undefined> {
  const resolved = resolveResource(ctx.client, resource);
  const ns = resolved.namespaced ? (namespace ?? ctx.namespace()) : undefined;
  try {
    return await ctx.client.get(resolved.type, ns, name);
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'NotFound') return undefined;
    throw e;
  }
}

/** "statefulset web" / "pod web-0 in namespace x" for details. */
export function describeTarget(resource: string, name: string, namespace: string | undefined): string {
  return namespace ? `${resource} ${name} in namespace ${namespace}` : `${resource} ${name}`;
}

export function isReady(pod: KubeObject): boolean {
  const status = pod.status as { phase?: string; conditions?: Array<{ type: string; status: string }> } | undefined;
  return status?.phase === 'Running' && !!status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isTerminating(object: KubeObject): boolean {
  return object.metadata.deletionTimestamp !== undefined;
}

export function sinceField(): readonly ['step', 'lesson'] {
  return ['step', 'lesson'] as const;
}
