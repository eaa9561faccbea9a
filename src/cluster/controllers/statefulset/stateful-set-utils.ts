/**
 * Pure helpers of the StatefulSet controller (pkg/controller/statefulset/
 * stateful_set_utils.go): ordinals, pod identity, storage, health predicates
 * and building a set's pods.
 */
import type { KubeObject } from '../../api/types';
import { deepClone } from '../../api/object-utils';
import { podCondition, type Obj } from '../runtime/resources';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

const parsedNames = new Map<string, { parent: string; ordinal: number }>();

/** `^(.*)-([0-9]+)$` as Kubernetes matches it; memoised, as it runs for every pod on every pass. */
export function getParentNameAndOrdinal(pod: KubeObject): { parent: string; ordinal: number } {
  const name = pod.metadata.name ?? '';
  let parsed = parsedNames.get(name);
  if (!parsed) {
    if (parsedNames.size > 50_000) parsedNames.clear();
    parsed = parseOrdinalName(name);
    parsedNames.set(name, parsed);
  }
  return parsed;
}

function parseOrdinalName(name: string): { parent: string; ordinal: number } {
  const dash = name.lastIndexOf('-');
  const digits = name.slice(dash + 1);
  if (dash < 0 || digits === '' || !isDigits(digits)) return { parent: '', ordinal: -1 };
  const ordinal = Number(digits);
  return Number.isSafeInteger(ordinal) && ordinal <= 2147483647 ? { parent: name.slice(0, dash), ordinal } : { parent: '', ordinal: -1 };
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export const getOrdinal = (pod: KubeObject): number => getParentNameAndOrdinal(pod).ordinal;
export const getStartOrdinal = (set: KubeObject): number => (set.spec as Obj).ordinals?.start ?? 0;
export const getEndOrdinal = (set: KubeObject): number => getStartOrdinal(set) + ((set.spec as Obj).replicas ?? 1) - 1;

export function podInOrdinalRange(pod: KubeObject, set: KubeObject): boolean {
  const ordinal = getOrdinal(pod);
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

export const getPodName = (set: KubeObject, ordinal: number): string => `${set.metadata.name}-${ordinal}`;

export const getPersistentVolumeClaimName = (set: KubeObject, claimTemplate: KubeObject, ordinal: number): string =>
  `${claimTemplate.metadata?.name}-${set.metadata.name}-${ordinal}`;

export function isMemberOf(set: KubeObject, pod: KubeObject): boolean {
  return getParentNameAndOrdinal(pod).parent === set.metadata.name;
}

export function identityMatches(set: KubeObject, pod: KubeObject): boolean {
  const { parent, ordinal } = getParentNameAndOrdinal(pod);
  return (
    ordinal >= 0 &&
    set.metadata.name === parent &&
    pod.metadata.name === getPodName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name
  );
}

const claimTemplates = (set: KubeObject): KubeObject[] => (set.spec as Obj).volumeClaimTemplates ?? [];

export function storageMatches(set: KubeObject, pod: KubeObject): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map<string, Obj>(((pod.spec as Obj).volumes ?? []).map((v: Obj) => [v.name, v]));
  return claimTemplates(set).every((t) => volumes.get(t.metadata.name!)?.persistentVolumeClaim?.claimName === getPersistentVolumeClaimName(set, t, ordinal));
}

/** The claims a pod of this set needs, keyed by template name (in template order). */
export function getPersistentVolumeClaims(set: KubeObject, pod: KubeObject): Map<string, KubeObject> {
  const ordinal = getOrdinal(pod);
  const matchLabels: Record<string, string> = (set.spec as Obj).selector?.matchLabels ?? {};
  const claims = new Map<string, KubeObject>();
  for (const template of claimTemplates(set)) {
    const claim = deepClone(template) as KubeObject;
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = { ...claim.metadata, name: getPersistentVolumeClaimName(set, template, ordinal), namespace: set.metadata.namespace };
    delete claim.metadata.creationTimestamp;
    claim.metadata.labels = { ...(template.metadata.labels ?? {}), ...matchLabels };
    delete claim.status;
    claims.set(template.metadata.name!, claim);
  }
  return claims;
}

export function updateStorage(set: KubeObject, pod: KubeObject): void {
  const spec = pod.spec as Obj;
  const claims = getPersistentVolumeClaims(set, pod);
  const volumes: Obj[] = [...claims].map(([name, claim]) => ({ name, persistentVolumeClaim: { claimName: claim.metadata.name } }));
  for (const v of spec.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  spec.volumes = volumes;
}

export function updateIdentity(set: KubeObject, pod: KubeObject): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.name = getPodName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ordinal) };
}

function initIdentity(set: KubeObject, pod: KubeObject): void {
  updateIdentity(set, pod);
  const spec = pod.spec as Obj;
  spec.hostname = pod.metadata.name;
  if ((set.spec as Obj).serviceName) spec.subdomain = (set.spec as Obj).serviceName;
}

export function controllerRefFor(set: KubeObject) {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** controller.GetPodFromTemplate + identity + storage. */
export function newStatefulSetPod(set: KubeObject, ordinal: number): KubeObject {
  const template = ((set.spec as Obj).template ?? {}) as Obj;
  const meta: Obj = { generateName: `${set.metadata.name}-`, name: getPodName(set, ordinal), ownerReferences: [controllerRefFor(set)] };
  if (template.metadata?.labels) meta.labels = { ...template.metadata.labels };
  if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations };
  if (template.metadata?.finalizers) meta.finalizers = [...template.metadata.finalizers];
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: deepClone(template.spec ?? {}) };
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

export const getPodRevision = (pod: KubeObject): string => pod.metadata.labels?.[REVISION_LABEL] ?? '';

export function setPodRevision(pod: KubeObject, revision: string): void {
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [REVISION_LABEL]: revision };
}

/** Picks the current or update revision for a missing ordinal (see the partition rule). */
export function newVersionedStatefulSetPod(currentSet: KubeObject, updateSet: KubeObject, currentRevision: string, updateRevision: string, ordinal: number): KubeObject {
  const strategy = (currentSet.spec as Obj).updateStrategy ?? {};
  const start = getStartOrdinal(currentSet);
  const currentReplicas = (currentSet.status as Obj)?.currentReplicas ?? 0;
  const useCurrent =
    (strategy.type === 'RollingUpdate' && !strategy.rollingUpdate && ordinal < start + currentReplicas) ||
    (!!strategy.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(useCurrent ? currentSet : updateSet, ordinal);
  setPodRevision(pod, useCurrent ? currentRevision : updateRevision);
  return pod;
}

// ---- health predicates ----

const phase = (pod: KubeObject): string => (pod.status as Obj)?.phase ?? '';
export const isCreated = (pod: KubeObject): boolean => phase(pod) !== '';
export const isPending = (pod: KubeObject): boolean => phase(pod) === 'Pending';
export const isFailed = (pod: KubeObject): boolean => phase(pod) === 'Failed';
export const isSucceeded = (pod: KubeObject): boolean => phase(pod) === 'Succeeded';
export const isTerminating = (pod: KubeObject): boolean => !!pod.metadata.deletionTimestamp;
export const isRunningAndReady = (pod: KubeObject): boolean => phase(pod) === 'Running' && podCondition(pod, 'Ready')?.status === 'True';
export const isHealthy = (pod: KubeObject): boolean => isRunningAndReady(pod) && !isTerminating(pod);

/** podutil.IsPodAvailable: Ready for longer than minReadySeconds. */
export function isRunningAndAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = Date.parse(ready.lastTransitionTime ?? '');
  return Number.isFinite(since) && since + minReadySeconds * 1000 < nowMs;
}
