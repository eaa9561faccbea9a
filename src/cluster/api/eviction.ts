/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go):
 * pods that are Pending, terminal or already terminating are deleted at once;
 * otherwise the one PodDisruptionBudget selecting the pod must allow a
 * disruption (or let an unready pod go), which is recorded in its status.
 * The pod gets the DisruptionTarget condition before the graceful delete.
 */
import { toRFC3339 } from '../clock';
import type { DeleteOptions } from '../client/types';
import { ApiError, notFound } from './errors';
import { deepClone } from './object-utils';
import { PDBS, updateDisruptionAllowedCondition } from './pdb-condition';
import { isPodReady, markDisruptionTarget } from './pod-conditions';
import { labelSelectorMatcher } from './selectors';
import type { ApiServer } from './server';
import type { KubeObject, ResourceType } from './types';

type Obj = Record<string, any>;

const PODS: ResourceType = { group: '', version: 'v1', resource: 'pods' };
const MAX_DISRUPTED_POD_SIZE = 2000;
const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

function tooManyRequests(cause: string): ApiError {
  const err = new ApiError(429, 'TooManyRequests', VIOLATION, { causes: [{ reason: 'DisruptionBudget', message: cause }] });
  return err;
}

function forbiddenPdb(name: string, why: string): ApiError {
  return new ApiError(403, 'Forbidden', `poddisruptionbudget.policy "${name}" is forbidden: ${why}`, { name, group: 'policy', kind: 'poddisruptionbudget' });
}

/** canIgnorePDB: the pod causes no (further) disruption by going. */
function canIgnorePdb(pod: KubeObject): boolean {
  const phase = (pod.status as Obj | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/**
 * An unready pod does not count as healthy, so taking it away costs the budget
 * nothing: always under AlwaysAllow, else only while the budget is met.
 */
function unhealthyMayGo(pdb: KubeObject, pod: KubeObject): boolean {
  if (isPodReady(pod)) return false;
  const spec = (pdb.spec ?? {}) as Obj;
  if (spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  const status = (pdb.status ?? {}) as Obj;
  const desired = status.desiredHealthy ?? 0;
  return (status.currentHealthy ?? 0) >= desired && desired > 0;
}

/** getPodDisruptionBudgets: same namespace, a non-empty selector matching the pod's labels. */
function matchingPdbs(server: ApiServer, pod: KubeObject): KubeObject[] {
  return server.store.peekList('poddisruptionbudgets.policy', pod.metadata.namespace).filter((pdb) => {
    const sel = (pdb.spec as Obj | undefined)?.selector;
    const count = Object.keys(sel?.matchLabels ?? {}).length + (sel?.matchExpressions ?? []).length;
    return count > 0 && labelSelectorMatcher(sel)(pod.metadata.labels);
  });
}

/** checkAndDecrement: one disruption taken from the budget and noted in disruptedPods. */
function checkAndDecrement(server: ApiServer, pdb: KubeObject, podName: string, dryRun: boolean): void {
  const name = pdb.metadata.name!;
  const status = deepClone((pdb.status ?? {}) as Obj);
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw tooManyRequests(`The disruption budget ${name} is still being processed by the server.`);
  if ((status.disruptionsAllowed ?? 0) < 0) throw forbiddenPdb(name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE)
    throw forbiddenPdb(name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  if ((status.disruptionsAllowed ?? 0) === 0)
    throw tooManyRequests(`The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`);
  const now = toRFC3339(server.clock.now());
  status.disruptionsAllowed--;
  if (status.disruptionsAllowed === 0) updateDisruptionAllowedCondition(status, now);
  if (dryRun) return;
  status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: now };
  server.updateStatusNow(PDBS, { ...pdb, status });
}

export async function evictPod(server: ApiServer, namespace: string, name: string, options: DeleteOptions = {}): Promise<void> {
  const pod = server.store.peek('pods', namespace, name);
  if (!pod) throw notFound('pods', '', name);
  if (!canIgnorePdb(pod)) {
    const pdbs = matchingPdbs(server, pod);
    // Upstream returns this as a failure Status object (code 500, no reason), not errors.NewInternalError.
    if (pdbs.length > 1) throw new ApiError(500, '', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    const pdb = pdbs[0];
    if (pdb && !unhealthyMayGo(pdb, pod)) checkAndDecrement(server, pdb, name, !!options.dryRun);
  }
  // addConditionAndDeletePod: the condition is written (not on a dry run), then the pod deleted.
  if (!options.dryRun) server.updateStatusNow(PODS, markDisruptionTarget(pod, 'EvictionByEvictionAPI', 'Eviction API: evicting', toRFC3339(server.clock.now())));
  await server.delete(PODS, namespace, name, options);
}
