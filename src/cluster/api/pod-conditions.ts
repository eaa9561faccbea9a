/** Pod condition helpers of pkg/api/v1/pod, for the API server's own handlers and the controllers alike. */
import type { KubeObject } from './types';

type Obj = Record<string, any>;

export function podCondition(pod: KubeObject, type: string): Obj | undefined {
  return ((pod.status as Obj | undefined)?.conditions ?? []).find((c: Obj) => c.type === type);
}

export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** podutil.UpdatePodCondition: replaced in place, lastTransitionTime kept while the status stands. */
export function updatePodCondition(conditions: Obj[], next: Obj, now: string): Obj[] {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) return [...conditions, { ...next, lastTransitionTime: now }];
  const lastTransitionTime = conditions[i].status === next.status ? conditions[i].lastTransitionTime : now;
  return conditions.map((c, j) => (j === i ? { ...next, lastTransitionTime } : c));
}

/** The pod with DisruptionTarget=True, as the eviction API and the taint manager stamp it before deleting. */
export function markDisruptionTarget(pod: KubeObject, reason: string, message: string, now: string): KubeObject {
  const status = (pod.status ?? {}) as Obj;
  const condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now, reason, message };
  return { ...pod, status: { ...status, conditions: updatePodCondition(status.conditions ?? [], condition, now) } };
}
