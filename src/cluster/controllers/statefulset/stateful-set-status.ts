/** StatefulSet status (computeReplicaStatus, completeRollingUpdate, inconsistentStatus) and history truncation. */
import type { KubeObject } from '../../api/types';
import { deepEqual } from '../../api/object-utils';
import type { Obj } from '../runtime/resources';
import { getPodRevision, isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating } from './stateful-set-utils';

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

export function computeReplicaStatus(status: StatefulSetStatus, pods: KubeObject[], minReadySeconds: number, nowMs: number): void {
  status.replicas = 0;
  status.readyReplicas = 0;
  status.availableReplicas = 0;
  status.currentReplicas = 0;
  status.updatedReplicas = 0;
  for (const pod of pods) {
    if (isCreated(pod)) status.replicas++;
    if (isRunningAndReady(pod)) {
      status.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, nowMs)) status.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = getPodRevision(pod);
      if (revision === status.currentRevision) status.currentReplicas++;
      if (revision === status.updateRevision) status.updatedReplicas++;
    }
  }
}

/** A finished RollingUpdate makes the update revision current. */
export function completeRollingUpdate(set: KubeObject, status: StatefulSetStatus): void {
  const type = (set.spec as Obj).updateStrategy?.type;
  if (type === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

/** The status as the API stores it: zero / empty fields with omitempty are dropped. */
export function toApiStatus(status: StatefulSetStatus): Obj {
  const out: Obj = { availableReplicas: status.availableReplicas, collisionCount: status.collisionCount, replicas: status.replicas };
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.currentReplicas) out.currentReplicas = status.currentReplicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.currentRevision) out.currentRevision = status.currentRevision;
  if (status.updateRevision) out.updateRevision = status.updateRevision;
  return out;
}

export function inconsistentStatus(set: KubeObject, status: StatefulSetStatus): boolean {
  const current = (set.status ?? {}) as Obj;
  const wanted = toApiStatus(status);
  return !deepEqual({ ...current, conditions: undefined }, wanted);
}

/** Revisions to delete: non-live ones beyond revisionHistoryLimit, oldest first. */
export function revisionsToTruncate(set: KubeObject, pods: KubeObject[], sorted: KubeObject[], current: string, update: string): KubeObject[] {
  const live = new Set([current, update, ...pods.map(getPodRevision)]);
  const history = sorted.filter((r) => !live.has(r.metadata.name!));
  const limit = (set.spec as Obj).revisionHistoryLimit ?? 10;
  return history.length <= limit ? [] : history.slice(0, history.length - limit);
}
