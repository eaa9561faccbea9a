/** Toleration.ToleratesTaint (k8s.io/api/core/v1): whether a pod's tolerations cover a node's taint. */
type Obj = Record<string, any>;

/** The taint a cordoned node carries (spec.unschedulable), which a pod may tolerate. */
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';

export function toleratesTaint(t: Obj, taint: Obj): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

export function tolerates(tolerations: Obj[], taint: Obj): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}
