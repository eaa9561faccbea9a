/**
 * Disruption controller (pkg/controller/disruption): keeps each
 * PodDisruptionBudget's status — expected pods (from the pods' controllers'
 * scale), healthy and desired healthy counts, disruptions allowed, the pods an
 * eviction took (disruptedPods) and the DisruptionAllowed condition.
 */
import type { Clock } from '../../clock';
import { toRFC3339 } from '../../clock';
import type { ClusterClient } from '../../client/types';
import type { KubeObject } from '../../api/types';
import { recordEvent } from '../../api/events';
import { deepEqual } from '../../api/object-utils';
import { conditionsAreUpToDate, setStatusCondition, updateDisruptionAllowedCondition, DISRUPTION_ALLOWED } from '../../api/pdb-condition';
import { labelSelectorMatcher } from '../../api/selectors';
import { WorkQueue } from '../runtime/work-queue';
import { DEPLOYMENTS, PDBS, PODS, REPLICASETS, STATEFULSETS, controllerRef, ignoreNotFound, isReason, keyOf, splitKey, type Obj } from '../runtime/resources';
import { countHealthy, disruptedPodMap, expectedAndDesired, needsControllerScale, selectorString } from './status';

const SOURCE = { component: 'controllermanager' };

export class DisruptionController {
  private readonly queue: WorkQueue;
  private stops: Array<() => void> = [];

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key));
  }

  start(): void {
    this.stops.push(
      this.client.watch(PDBS, { resourceVersion: '0' }, (e) => this.queue.add(keyOf(e.object))),
      this.client.watch(PODS, { resourceVersion: '0' }, (e) => this.enqueueForPod(e.object)),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  private enqueueForPod(pod: KubeObject): void {
    void this.client.list(PDBS, { namespace: pod.metadata.namespace }).then((list) => {
      for (const pdb of list.items) if (selects(pdb, pod)) this.queue.add(keyOf(pdb));
    });
  }

  private async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const pdb = await ignoreNotFound(this.client.get(PDBS, namespace, name));
    if (!pdb) return;
    try {
      await this.trySync(pdb);
    } catch (e) {
      if (isReason(e, 'Conflict')) throw e;
      await this.failSafe(pdb, e instanceof Error ? e.message : String(e));
    }
  }

  private async trySync(pdb: KubeObject): Promise<void> {
    const spec = (pdb.spec ?? {}) as Obj;
    const pods = (await this.client.list(PODS, { namespace: pdb.metadata.namespace })).items.filter((p) => selects(pdb, p));
    if (pods.length === 0) await recordEvent(this.client, this.clock, pdb, 'Normal', 'NoPods', 'No matching pods found', SOURCE);
    let scale = 0;
    const unmanaged: string[] = [];
    if (needsControllerScale(spec)) {
      try {
        scale = await this.expectedScale(pods, unmanaged);
      } catch (e) {
        await recordEvent(this.client, this.clock, pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${(e as Error).message}`, SOURCE);
        throw e;
      }
    }
    const { expectedCount, desiredHealthy } = expectedAndDesired(spec, pods.length, scale);
    if (unmanaged.length > 0)
      await recordEvent(this.client, this.clock, pdb, 'Warning', 'UnmanagedPods', `Pods selected by this PodDisruptionBudget (selector: ${selectorString(spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`, SOURCE);
    const now = this.clock.now();
    const status = (pdb.status ?? {}) as Obj;
    const { map, recheckAt, overdue } = disruptedPodMap(pods, status.disruptedPods, now);
    for (const pod of overdue)
      await recordEvent(this.client, this.clock, pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`, SOURCE);
    const currentHealthy = countHealthy(pods, map, now);
    await this.updateStatus(pdb, { currentHealthy, desiredHealthy, expectedCount, disruptedPods: map });
    if (recheckAt !== undefined) this.queue.addAfter(keyOf(pdb), recheckAt - now);
  }

  /** getExpectedScale: the summed scale of the distinct controllers of the pods. */
  private async expectedScale(pods: KubeObject[], unmanaged: string[]): Promise<number> {
    const scales = new Map<string, number>();
    for (const pod of pods) {
      const ref = controllerRef(pod);
      if (!ref) {
        unmanaged.push(pod.metadata.name!);
        continue;
      }
      if (scales.has(ref.uid)) continue;
      const found = await this.findController(ref.kind, ref.name, ref.uid, pod.metadata.namespace!);
      if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata.name)}`);
      scales.set(found.uid, found.scale);
    }
    let total = 0;
    for (const s of scales.values()) total += s;
    return total;
  }

  /** The finders: a Deployment through its ReplicaSet, a bare ReplicaSet, a StatefulSet. */
  private async findController(kind: string, name: string, uid: string, namespace: string): Promise<{ uid: string; scale: number } | undefined> {
    if (kind === 'ReplicaSet') {
      const rs = await ignoreNotFound(this.client.get(REPLICASETS, namespace, name));
      if (!rs || rs.metadata.uid !== uid) return undefined;
      const owner = controllerRef(rs);
      if (owner?.kind === 'Deployment') {
        const dep = await ignoreNotFound(this.client.get(DEPLOYMENTS, namespace, owner.name));
        if (!dep || dep.metadata.uid !== owner.uid) return undefined;
        return { uid: dep.metadata.uid!, scale: (dep.spec as Obj).replicas ?? 1 };
      }
      return { uid: rs.metadata.uid!, scale: (rs.spec as Obj).replicas ?? 1 };
    }
    if (kind === 'StatefulSet') {
      const set = await ignoreNotFound(this.client.get(STATEFULSETS, namespace, name));
      if (!set || set.metadata.uid !== uid) return undefined;
      return { uid: set.metadata.uid!, scale: (set.spec as Obj).replicas ?? 1 };
    }
    return undefined;
  }

  /** updatePdbStatus: written only when something moved. */
  private async updateStatus(pdb: KubeObject, c: { currentHealthy: number; desiredHealthy: number; expectedCount: number; disruptedPods: Record<string, string> }): Promise<void> {
    const old = (pdb.status ?? {}) as Obj;
    const disruptionsAllowed = c.expectedCount <= 0 || c.currentHealthy - c.desiredHealthy <= 0 ? 0 : c.currentHealthy - c.desiredHealthy;
    const generation = pdb.metadata.generation ?? 0;
    if (
      old.currentHealthy === c.currentHealthy &&
      old.desiredHealthy === c.desiredHealthy &&
      old.expectedPods === c.expectedCount &&
      old.disruptionsAllowed === disruptionsAllowed &&
      deepEqual(old.disruptedPods ?? {}, c.disruptedPods) &&
      (old.observedGeneration ?? 0) === generation &&
      conditionsAreUpToDate(pdb)
    )
      return;
    const status: Obj = {};
    if (Object.keys(c.disruptedPods).length) status.disruptedPods = c.disruptedPods;
    Object.assign(status, { disruptionsAllowed, currentHealthy: c.currentHealthy, desiredHealthy: c.desiredHealthy, expectedPods: c.expectedCount });
    if (old.conditions) status.conditions = old.conditions;
    status.observedGeneration = generation;
    updateDisruptionAllowedCondition(status, toRFC3339(this.clock.now()));
    await this.client.updateStatus(PDBS, { ...pdb, status });
  }

  /** failSafe: no disruptions until a sync succeeds, the reason in the condition. */
  private async failSafe(pdb: KubeObject, message: string): Promise<void> {
    const status = { ...((pdb.status ?? {}) as Obj), disruptionsAllowed: 0 };
    status.conditions = setStatusCondition(
      status.conditions ?? [],
      { type: DISRUPTION_ALLOWED, status: 'False', reason: 'SyncFailed', message, observedGeneration: status.observedGeneration },
      toRFC3339(this.clock.now()),
    );
    await this.client.updateStatus(PDBS, { ...pdb, status });
  }
}

/** The pods a budget covers: a nil selector selects nothing, an empty one everything (policy/v1). */
function selects(pdb: KubeObject, pod: KubeObject): boolean {
  const sel = (pdb.spec as Obj | undefined)?.selector;
  if (!sel) return false;
  return labelSelectorMatcher(sel)(pod.metadata.labels);
}
