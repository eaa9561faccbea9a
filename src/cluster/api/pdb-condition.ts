/** component-helpers' poddisruptionbudget helpers: the DisruptionAllowed condition, shared by eviction and the disruption controller. */
import type { ResourceType } from './types';

type Obj = Record<string, any>;

export const PDBS: ResourceType = { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' };

export const DISRUPTION_ALLOWED = 'DisruptionAllowed';

/** apimeta.SetStatusCondition: lastTransitionTime moves only when the status changes. */
export function setStatusCondition(conditions: Obj[], next: Obj, now: string): Obj[] {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) return [...conditions, { ...next, lastTransitionTime: next.lastTransitionTime ?? now }];
  const old = conditions[i];
  const merged = { ...old, ...next, lastTransitionTime: old.status !== next.status ? now : old.lastTransitionTime };
  return conditions.map((c, j) => (j === i ? merged : c));
}

/** UpdateDisruptionAllowedCondition: True/SufficientPods while disruptions are allowed, else False/InsufficientPods. */
export function updateDisruptionAllowedCondition(status: Obj, now: string): void {
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  status.conditions = setStatusCondition(
    status.conditions ?? [],
    {
      type: DISRUPTION_ALLOWED,
      status: allowed ? 'True' : 'False',
      reason: allowed ? 'SufficientPods' : 'InsufficientPods',
      message: '',
      observedGeneration: status.observedGeneration,
    },
    now,
  );
}

/** ConditionsAreUpToDate. */
export function conditionsAreUpToDate(pdb: Obj): boolean {
  const c = (pdb.status?.conditions ?? []).find((x: Obj) => x.type === DISRUPTION_ALLOWED);
  if (!c) return false;
  if ((pdb.status.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  const allowed = (pdb.status.disruptionsAllowed ?? 0) > 0;
  return c.status === (allowed ? 'True' : 'False');
}
