/**
 * kubectl's polymorphichelpers for expose: which kinds can be exposed, and the
 * selector, ports and protocols read from the exposed object.
 */
import type { KubeObject } from '../../../../cluster/api/types';
import { formatLabelSet } from '../../../../cluster/api/selectors';
import { KubectlError } from '../cli/errors';

type Obj = Record<string, any>;

const EXPOSABLE = new Set(['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet', 'extensions/Deployment', 'extensions/ReplicaSet']);

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/** canBeExposed: `cannot expose a StatefulSet.apps` for anything else. */
export function checkCanBeExposed(kind: string, group: string): void {
  if (!EXPOSABLE.has(`${group}/${kind}`)) throw new KubectlError(`cannot expose a ${group ? `${kind}.${group}` : kind}`);
}

/** Go's %+v of []metav1.LabelSelectorRequirement. */
function expressionsText(exprs: Obj[]): string {
  return `[${exprs.map((e) => `{Key:${e.key ?? ''} Operator:${e.operator ?? ''} Values:[${(e.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** mapBasedSelectorForObject. */
export function selectorForObject(obj: KubeObject): string {
  const spec = (obj.spec ?? {}) as Obj;
  const kind = obj.kind;
  const group = groupOf(obj.apiVersion);
  if (kind === 'ReplicationController' && group === '') return formatLabelSet(spec.selector);
  if (kind === 'Pod' && group === '') {
    if (Object.keys(obj.metadata.labels ?? {}).length === 0) throw new Error('the pod has no labels and cannot be exposed');
    return formatLabelSet(obj.metadata.labels);
  }
  if (kind === 'Service' && group === '') {
    if (spec.selector == null) throw new Error('the service has no pod selector set');
    return formatLabelSet(spec.selector);
  }
  if ((kind === 'Deployment' || kind === 'ReplicaSet') && group === 'extensions') {
    let labels: Record<string, string> | undefined;
    if (spec.selector) {
      if (spec.selector.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${expressionsText(spec.selector.matchExpressions)}" to map-based selector format`);
      labels = spec.selector.matchLabels;
    } else labels = spec.template?.metadata?.labels;
    if (Object.keys(labels ?? {}).length === 0) {
      throw new Error(`the ${kind === 'Deployment' ? 'deployment' : 'replica set'} has no labels or selectors and cannot be exposed`);
    }
    return formatLabelSet(labels);
  }
  if ((kind === 'Deployment' || kind === 'ReplicaSet') && group === 'apps') {
    const what = kind === 'Deployment' ? 'deployment' : 'replicaset';
    if (!spec.selector || Object.keys(spec.selector.matchLabels ?? {}).length === 0) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
    if (spec.selector.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${expressionsText(spec.selector.matchExpressions)}" to map-based selector format`);
    return formatLabelSet(spec.selector.matchLabels);
  }
  throw new Error(`cannot extract pod selector from ${goTypeName(obj)}`);
}

/** Go's %T of the typed object: `*v1.StatefulSet`. */
function goTypeName(obj: KubeObject): string {
  return `*${obj.apiVersion.slice(obj.apiVersion.indexOf('/') + 1)}.${obj.kind}`;
}

/** The pod spec behind the object, or the Service's spec for a Service. */
function portSource(obj: KubeObject): { containers?: Obj[]; servicePorts?: Obj[] } {
  const spec = (obj.spec ?? {}) as Obj;
  if (obj.kind === 'Service') return { servicePorts: spec.ports ?? [] };
  if (obj.kind === 'Pod') return { containers: spec.containers ?? [] };
  return { containers: spec.template?.spec?.containers ?? [] };
}

/** portsForObject: distinct container ports (or Service ports), in order. */
export function portsForObject(obj: KubeObject): string[] {
  const src = portSource(obj);
  const all = src.servicePorts
    ? src.servicePorts.map((p) => String(p.port))
    : (src.containers ?? []).flatMap((c) => ((c.ports ?? []) as Obj[]).map((p) => String(p.containerPort)));
  return [...new Set(all)];
}

/** multiProtocolsForObject: port → protocols (TCP when unset). */
export function protocolsForObject(obj: KubeObject): Map<string, string[]> {
  const src = portSource(obj);
  const entries: Array<[string, string]> = src.servicePorts
    ? src.servicePorts.map((p) => [String(p.port), p.protocol || 'TCP'])
    : (src.containers ?? []).flatMap((c) => ((c.ports ?? []) as Obj[]).map((p): [string, string] => [String(p.containerPort), p.protocol || 'TCP']));
  const result = new Map<string, string[]>();
  for (const [port, protocol] of entries) result.set(port, [...(result.get(port) ?? []), protocol]);
  return result;
}
