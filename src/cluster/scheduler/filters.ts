/**
 * The default scheduler's Filter plugins, in the framework's order; each node
 * stops at its first failing plugin. A failure is "unresolvable" when evicting
 * pods could not help (preemption then says so).
 */
import { UNSCHEDULABLE_TAINT, tolerates } from '../api/tolerations';
import type { KubeObject } from '../api/types';
import { labelSelectorMatcher } from '../api/selectors';
import { parseQuantity, podClaimNames, type Obj } from '../controllers/runtime/resources';

export interface NodeFailure {
  reasons: string[];
  unresolvable: boolean;
}

export interface FilterContext {
  pod: KubeObject;
  /** Assigned (or assumed) pods by node name, not yet terminal. */
  podsByNode: Map<string, KubeObject[]>;
  nodes: KubeObject[];
  /** The pod's claims, by name (undefined = missing). */
  claims: Map<string, KubeObject | undefined>;
  pvs: Map<string, KubeObject>;
}

type Filter = (node: KubeObject, ctx: FilterContext) => NodeFailure | undefined;

const fail = (unresolvable: boolean, ...reasons: string[]): NodeFailure => ({ reasons, unresolvable });

const nodeUnschedulable: Filter = (node, ctx) => {
  if (!(node.spec as Obj)?.unschedulable) return undefined;
  // A pod tolerating the unschedulable taint also tolerates spec.unschedulable.
  const tolerated = tolerates((ctx.pod.spec as Obj).tolerations ?? [], { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule' });
  return tolerated ? undefined : fail(true, 'node(s) were unschedulable');
};

const taintToleration: Filter = (node, ctx) => {
  const tolerations: Obj[] = (ctx.pod.spec as Obj).tolerations ?? [];
  for (const taint of ((node.spec as Obj)?.taints ?? []) as Obj[]) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerates(tolerations, taint)) return fail(true, `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  }
  return undefined;
};

function matchExpression(labels: Record<string, string>, e: Obj): boolean {
  const v = labels[e.key];
  const values: string[] = e.values ?? [];
  switch (e.operator) {
    case 'In': return v !== undefined && values.includes(v);
    case 'NotIn': return v === undefined || !values.includes(v);
    case 'Exists': return v !== undefined;
    case 'DoesNotExist': return v === undefined;
    case 'Gt': return v !== undefined && Number(v) > Number(values[0]);
    case 'Lt': return v !== undefined && Number(v) < Number(values[0]);
    default: return false;
  }
}

/** A NodeSelector: terms are ORed, expressions within a term ANDed. */
export function nodeSelectorMatches(node: KubeObject, selector: Obj | undefined): boolean {
  const terms: Obj[] = selector?.nodeSelectorTerms ?? [];
  if (!terms.length) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchExpressions ?? []).every((e: Obj) => matchExpression(labels, e)) && (t.matchFields ?? []).every((e: Obj) => matchExpression({ 'metadata.name': node.metadata.name! }, e)));
}

const nodeAffinity: Filter = (node, ctx) => {
  const spec = ctx.pod.spec as Obj;
  const labels = node.metadata.labels ?? {};
  const selectorOk = Object.entries((spec.nodeSelector ?? {}) as Record<string, string>).every(([k, v]) => labels[k] === v);
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (selectorOk && nodeSelectorMatches(node, required)) return undefined;
  return fail(true, "node(s) didn't match Pod's node affinity/selector");
};

/** Sum of container requests, or the largest init container's when larger (per resource). */
export function podRequests(pod: KubeObject): Record<string, number> {
  const spec = pod.spec as Obj;
  const sum: Record<string, number> = {};
  for (const c of spec.containers ?? []) for (const [k, v] of Object.entries(c.resources?.requests ?? {})) sum[k] = (sum[k] ?? 0) + parseQuantity(v);
  for (const c of spec.initContainers ?? []) for (const [k, v] of Object.entries(c.resources?.requests ?? {})) sum[k] = Math.max(sum[k] ?? 0, parseQuantity(v));
  return sum;
}

const resourcesFit: Filter = (node, ctx) => {
  const allocatable: Obj = (node.status as Obj)?.allocatable ?? {};
  const onNode = ctx.podsByNode.get(node.metadata.name!) ?? [];
  const reasons: string[] = [];
  if (onNode.length + 1 > parseQuantity(allocatable.pods ?? 110)) reasons.push('Too many pods');
  const want = podRequests(ctx.pod);
  for (const resource of Object.keys(want).sort()) {
    if (!want[resource]) continue;
    const used = onNode.reduce((s, p) => s + (podRequests(p)[resource] ?? 0), 0);
    if (used + want[resource] > parseQuantity(allocatable[resource] ?? 0)) reasons.push(`Insufficient ${resource}`);
  }
  return reasons.length ? fail(false, ...reasons) : undefined;
};

const volumeBinding: Filter = (node, ctx) => {
  for (const claim of ctx.claims.values()) {
    const volumeName = (claim?.spec as Obj)?.volumeName;
    const pv = volumeName ? ctx.pvs.get(volumeName) : undefined;
    const required = (pv?.spec as Obj)?.nodeAffinity?.required;
    if (required && !nodeSelectorMatches(node, required)) return fail(true, 'node(s) had volume node affinity conflict');
  }
  return undefined;
};

function termMatches(term: Obj, owner: KubeObject, other: KubeObject): boolean {
  const namespaces: string[] = term.namespaces?.length ? term.namespaces : [owner.metadata.namespace!];
  if (!namespaces.includes(other.metadata.namespace!)) return false;
  return labelSelectorMatcher(term.labelSelector ?? {})(other.metadata.labels);
}

function requiredTerms(pod: KubeObject, kind: 'podAffinity' | 'podAntiAffinity'): Obj[] {
  return (pod.spec as Obj)?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
}

function topologyValue(ctx: FilterContext, nodeName: string, key: string): string | undefined {
  return ctx.nodes.find((n) => n.metadata.name === nodeName)?.metadata.labels?.[key];
}

/** Pods in the same topology domain (by `key`) as `node`. */
function podsInDomain(ctx: FilterContext, node: KubeObject, key: string): KubeObject[] {
  const value = node.metadata.labels?.[key];
  if (value === undefined) return [];
  const out: KubeObject[] = [];
  for (const [nodeName, pods] of ctx.podsByNode) if (topologyValue(ctx, nodeName, key) === value) out.push(...pods);
  return out;
}

/** InterPodAffinity.Filter order: pod affinity, pod anti-affinity, existing pods' anti-affinity. */
const interPodAffinity: Filter = (node, ctx) => {
  const pod = ctx.pod;
  for (const term of requiredTerms(pod, 'podAffinity')) {
    if (podsInDomain(ctx, node, term.topologyKey).some((p) => termMatches(term, pod, p))) continue;
    // The first pod of a group may land anywhere when it matches its own term.
    const anyMatch = [...ctx.podsByNode.values()].some((ps) => ps.some((p) => termMatches(term, pod, p)));
    if (anyMatch || !termMatches(term, pod, pod) || node.metadata.labels?.[term.topologyKey] === undefined)
      return fail(true, "node(s) didn't match pod affinity rules");
  }
  for (const term of requiredTerms(pod, 'podAntiAffinity'))
    if (podsInDomain(ctx, node, term.topologyKey).some((p) => termMatches(term, pod, p))) return fail(false, "node(s) didn't match pod anti-affinity rules");
  for (const [nodeName, pods] of ctx.podsByNode) {
    for (const existing of pods) {
      for (const term of requiredTerms(existing, 'podAntiAffinity')) {
        const value = topologyValue(ctx, nodeName, term.topologyKey);
        if (value !== undefined && node.metadata.labels?.[term.topologyKey] === value && termMatches(term, existing, pod))
          return fail(false, "node(s) didn't satisfy existing pods anti-affinity rules");
      }
    }
  }
  return undefined;
};

export const FILTERS: Filter[] = [nodeUnschedulable, taintToleration, nodeAffinity, resourcesFit, volumeBinding, interPodAffinity];

export function filterNode(node: KubeObject, ctx: FilterContext): NodeFailure | undefined {
  for (const f of FILTERS) {
    const failure = f(node, ctx);
    if (failure) return failure;
  }
  return undefined;
}

export { podClaimNames };
