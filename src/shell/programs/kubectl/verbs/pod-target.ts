/** Finding the pod a command acts on (POD or TYPE/NAME) and its container, as kubectl's attachable-pod helpers do. */
import type { KubeObject } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';
import type { Invocation } from '../context';
import { parseResourceArgs } from '../resources/mapping';

export const PODS = { group: '', version: 'v1', resource: 'pods' };

export async function podForTarget(inv: Invocation, target: string): Promise<KubeObject> {
  if (!target.includes('/')) return inv.client.get(PODS, inv.namespace, target);
  const [request] = parseResourceArgs(inv.discovery(), [target]);
  const info = request.info;
  if (info.resource === 'pods') return inv.client.get(PODS, inv.namespace, request.name!);
  const owner = await inv.client.get({ group: info.group, version: info.version, resource: info.resource }, inv.namespace, request.name!);
  const selector = (owner.spec as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> })?.selector;
  const labels = (selector && 'matchLabels' in selector ? selector.matchLabels : selector) as Record<string, string> | undefined;
  const sel = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const pods = (await inv.client.list(PODS, { namespace: inv.namespace, labelSelector: sel })).items;
  const active = pods.filter((p) => !p.metadata.deletionTimestamp).sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  if (!active.length) throw new KubectlError(`no pods found`);
  return active[0];
}

/** -c, the default-container annotation, or the first container (with kubectl's notice when there are several). */
export function chooseContainer(inv: Invocation, pod: KubeObject, requested: string | undefined, quiet: boolean): string | undefined {
  if (requested) return requested;
  const containers = ((pod.spec as { containers?: Array<{ name: string }> })?.containers ?? []).map((c) => c.name);
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.includes(annotated)) return annotated;
  if (containers.length > 1 && !quiet) inv.err(`Defaulted container "${containers[0]}" out of: ${containers.join(', ')}\n`);
  return containers[0];
}
