/**
 * The decision (stateful_set_control.go, UpdateStatefulSet with the
 * MaxUnavailableStatefulSet gate off, as in v1.32): one reconcile pass over a
 * set and its owned pods — revisions, replicas vs condemned by ordinal,
 * OrderedReady vs Parallel, scale up/down, rolling update in reverse ordinal
 * order honouring the partition, OnDelete, status and history.
 */
import type { Clock } from '../../clock';
import type { ClusterClient } from '../../client/types';
import type { KubeObject } from '../../api/types';
import { CONTROLLER_REVISIONS, STATEFULSETS, ignoreNotFound, isReason, type Obj } from '../runtime/resources';
import { applyRevision, controllerRevisionName, equalRevision, hashRevision, HASH_LABEL, newRevision, nextRevision, sortRevisions } from './revision-utils';
import { StatefulPodControl } from './stateful-pod-control';
import {
  completeRollingUpdate, computeReplicaStatus, inconsistentStatus, revisionsToTruncate, toApiStatus, type StatefulSetStatus,
} from './stateful-set-status';
import {
  getEndOrdinal, getOrdinal, getPodRevision, getStartOrdinal, identityMatches, isCreated, isFailed, isHealthy, isPending, isRunningAndAvailable,
  isRunningAndReady, isSucceeded, isTerminating, newVersionedStatefulSetPod, podInOrdinalRange, storageMatches,
} from './stateful-set-utils';

export class StatefulSetControl {
  readonly podControl: StatefulPodControl;

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
  ) {
    this.podControl = new StatefulPodControl(client, clock);
  }

  /** One pass; returns the status written (or that would be). */
  async updateStatefulSet(set: KubeObject, pods: KubeObject[], revisions: KubeObject[]): Promise<StatefulSetStatus> {
    const sorted = sortRevisions(revisions);
    const { current, update, collisionCount } = await this.getRevisions(set, sorted);
    const status = await this.updatePods(set, current, update, collisionCount, pods);
    completeRollingUpdate(set, status);
    if (inconsistentStatus(set, status)) {
      const fresh = await ignoreNotFound(this.client.get(STATEFULSETS, set.metadata.namespace, set.metadata.name!));
      // The computed status replaces the stored one (a count that fell to zero is omitted, not kept); only conditions carry over.
      const conditions = ((fresh?.status as Obj | undefined) ?? {}).conditions;
      if (fresh && fresh.metadata.uid === set.metadata.uid) {
        await this.client.updateStatus(STATEFULSETS, { ...fresh, status: { ...(conditions ? { conditions } : {}), ...toApiStatus(status) } });
      }
    }
    const all = sortRevisions([...sorted.filter((r) => r.metadata.name !== update.metadata.name), update]);
    for (const r of revisionsToTruncate(set, pods, all, current.metadata.name!, update.metadata.name!))
      await ignoreNotFound(this.client.delete(CONTROLLER_REVISIONS, r.metadata.namespace, r.metadata.name!));
    return status;
  }

  private async getRevisions(set: KubeObject, sorted: KubeObject[]): Promise<{ current: KubeObject; update: KubeObject; collisionCount: number }> {
    let collisionCount: number = (set.status as Obj)?.collisionCount ?? 0;
    let update = newRevision(set, nextRevision(sorted), collisionCount);
    const equal = sorted.filter((r) => equalRevision(r, update));
    const last = sorted[sorted.length - 1];
    if (equal.length && last && equalRevision(last, equal[equal.length - 1])) {
      update = last;
    } else if (equal.length) {
      // Rolling back to an older template bumps that revision's number.
      const old = equal[equal.length - 1];
      update = await this.client.update(CONTROLLER_REVISIONS, { ...old, revision: update.revision });
    } else {
      for (;;) {
        try {
          update = await this.client.create(CONTROLLER_REVISIONS, update);
          break;
        } catch (e) {
          if (!isReason(e, 'AlreadyExists')) throw e;
          const existing = await this.client.get(CONTROLLER_REVISIONS, set.metadata.namespace, update.metadata.name!);
          if (equalRevision(existing, update)) {
            update = existing;
            break;
          }
          collisionCount++;
          const hash = hashRevision(update.data, collisionCount);
          update = { ...update, metadata: { ...update.metadata, name: controllerRevisionName(set.metadata.name!, hash), labels: { ...update.metadata.labels, [HASH_LABEL]: hash } } };
        }
      }
    }
    const currentName = (set.status as Obj)?.currentRevision;
    const current = sorted.find((r) => r.metadata.name === currentName) ?? update;
    return { current, update, collisionCount };
  }

  private async updatePods(set: KubeObject, currentRevision: KubeObject, updateRevision: KubeObject, collisionCount: number, pods: KubeObject[]): Promise<StatefulSetStatus> {
    const spec = set.spec as Obj;
    const minReady: number = spec.minReadySeconds ?? 0;
    const now = this.clock.now();
    const currentSet = applyRevision(set, currentRevision);
    const updateSet = applyRevision(set, updateRevision);
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation,
      currentRevision: currentRevision.metadata.name!,
      updateRevision: updateRevision.metadata.name!,
      collisionCount,
      replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0,
    };
    computeReplicaStatus(status, pods, minReady, now);

    const start = getStartOrdinal(set);
    const replicas: KubeObject[] = new Array(Math.max(0, getEndOrdinal(set) - start + 1));
    const condemned: KubeObject[] = [];
    for (const pod of pods) {
      if (podInOrdinalRange(pod, set)) replicas[getOrdinal(pod) - start] = pod;
      else if (getOrdinal(pod) >= 0) condemned.push(pod);
    }
    for (let i = 0; i < replicas.length; i++)
      replicas[i] ??= newVersionedStatefulSetPod(currentSet, updateSet, currentRevision.metadata.name!, updateRevision.metadata.name!, start + i);
    condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
    let firstUnhealthy: KubeObject | undefined = replicas.find((p) => !isHealthy(p));
    if (!firstUnhealthy) for (let i = condemned.length - 1; i >= 0; i--) if (!isHealthy(condemned[i])) { firstUnhealthy = condemned[i]; break; }

    if (set.metadata.deletionTimestamp) return status;
    const monotonic = spec.podManagementPolicy !== 'Parallel';
    const finish = () => {
      computeReplicaStatus(status, [...replicas, ...condemned], minReady, now);
      return status;
    };
    /** Runs fn over items; monotonic stops at the first `true` (Parallel carries on). */
    const runForAll = async (items: KubeObject[], fn: (pod: KubeObject) => Promise<boolean>) => {
      for (const item of items) if ((await fn(item)) && monotonic) return true;
      return false;
    };
    const pc = this.podControl;

    const processReplica = async (pod: KubeObject): Promise<boolean> => {
      if (isFailed(pod) || isSucceeded(pod)) {
        if (!isTerminating(pod)) await pc.deleteStatefulPod(set, pod);
        return true;
      }
      if (!isCreated(pod)) {
        if (await pc.podClaimIsStale(set, pod)) return true;
        try {
          await pc.createStatefulPod(set, pod);
        } catch (e) {
          if (isReason(e, 'AlreadyExists')) return true;
          throw e;
        }
        return monotonic;
      }
      if (isPending(pod)) await pc.createPersistentVolumeClaims(set, pod).catch(() => undefined);
      if (monotonic && isTerminating(pod)) return true;
      if (monotonic && !isRunningAndReady(pod)) return true;
      if (monotonic && !isRunningAndAvailable(pod, minReady, now)) return true;
      const retentionOk = await pc.claimsMatchRetentionPolicy(updateSet, pod).catch(() => true);
      if (identityMatches(set, pod) && storageMatches(set, pod) && retentionOk) return false;
      await pc.updateStatefulPod(updateSet, structuredCopy(pod));
      return false;
    };
    if (await runForAll(replicas, processReplica)) return finish();

    const fixClaims = async (pod: KubeObject) => {
      if (!(await pc.claimsMatchRetentionPolicy(updateSet, pod))) await pc.updatePodClaimForRetentionPolicy(updateSet, pod);
      return false;
    };
    if (await runForAll(condemned, fixClaims)) return finish();

    const processCondemned = async (pod: KubeObject): Promise<boolean> => {
      if (isTerminating(pod)) return monotonic;
      if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return true;
      await pc.deleteStatefulPod(set, pod);
      return true;
    };
    if (await runForAll(condemned, processCondemned)) return finish();
    finish();

    if (spec.updateStrategy?.type === 'OnDelete') return status;
    const updateMin: number = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicas.length - 1; target >= updateMin; target--) {
      const pod = replicas[target];
      if (getPodRevision(pod) !== updateRevision.metadata.name && !isTerminating(pod)) {
        await ignoreNotFound(pc.deleteStatefulPod(set, pod));
        status.currentReplicas--;
        return status;
      }
      if (!isHealthy(pod)) return status;
    }
    return status;
  }
}

function structuredCopy(o: KubeObject): KubeObject {
  return JSON.parse(JSON.stringify(o)) as KubeObject;
}
