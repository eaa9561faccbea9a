/** The disruption controller's arithmetic (pkg/controller/disruption): pure, on plain objects. */
import type { KubeObject } from '../../api/types';
import { isPodReady, scaledValueFromIntOrPercent, type Obj } from '../runtime/resources';

/** How long an eviction's disruptedPods entry stands before the pod is assumed not deleted. */
const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

/** The part of getExpectedPodCount that needs no controller lookups: whether they are needed. */
export function needsControllerScale(spec: Obj): boolean {
  return spec.maxUnavailable !== undefined || typeof spec.minAvailable === 'string';
}

/** getExpectedPodCount, given the summed scale of the pods' controllers. */
export function expectedAndDesired(spec: Obj, podCount: number, controllerScale: number): { expectedCount: number; desiredHealthy: number } {
  if (spec.maxUnavailable !== undefined) {
    return { expectedCount: controllerScale, desiredHealthy: Math.max(0, controllerScale - scaledValueFromIntOrPercent(spec.maxUnavailable, controllerScale, true)) };
  }
  if (typeof spec.minAvailable === 'number') return { expectedCount: podCount, desiredHealthy: spec.minAvailable };
  if (typeof spec.minAvailable === 'string') return { expectedCount: controllerScale, desiredHealthy: scaledValueFromIntOrPercent(spec.minAvailable, controllerScale, true) };
  return { expectedCount: 0, desiredHealthy: 0 };
}

/** buildDisruptedPodMap: entries of live pods not yet past the deletion timeout, and when to look again. */
export function disruptedPodMap(pods: KubeObject[], recorded: Record<string, string> | undefined, now: number): { map: Record<string, string>; recheckAt?: number; overdue: KubeObject[] } {
  const map: Record<string, string> = {};
  const overdue: KubeObject[] = [];
  let recheckAt: number | undefined;
  if (!recorded) return { map, overdue };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = recorded[pod.metadata.name!];
    if (at === undefined) continue;
    const expected = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expected < now) overdue.push(pod);
    else {
      if (recheckAt === undefined || expected < recheckAt) recheckAt = expected;
      map[pod.metadata.name!] = at;
    }
  }
  return { map, recheckAt, overdue };
}

/** countHealthyPods: Ready, not terminating, not just evicted. */
export function countHealthy(pods: KubeObject[], disrupted: Record<string, string>, now: number): number {
  let n = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name!];
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) n++;
  }
  return n;
}

/** metav1.LabelSelector's String(), as the UnmanagedPods event prints the selector. */
export function selectorString(sel: Obj | undefined): string {
  if (!sel) return 'nil';
  const labels = Object.keys(sel.matchLabels ?? {}).sort();
  const ml = `map[string]string{${labels.map((k) => `${k}: ${sel.matchLabels[k]},`).join('')}}`;
  const exprs = (sel.matchExpressions ?? []).map((e: Obj) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],}`).join(',');
  return `&LabelSelector{MatchLabels:${ml},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
