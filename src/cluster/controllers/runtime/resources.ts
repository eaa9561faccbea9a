/** Resource types and small object helpers shared by the controllers, scheduler and kubelets. */
import { isApiError } from '../../api/errors';
import type { KubeObject, OwnerReference, ResourceType } from '../../api/types';

export { isPodReady, podCondition } from '../../api/pod-conditions';
export { PDBS } from '../../api/pdb-condition';

const core = (resource: string): ResourceType => ({ group: '', version: 'v1', resource });
const apps = (resource: string): ResourceType => ({ group: 'apps', version: 'v1', resource });

export const PODS = core('pods');
export const NODES = core('nodes');
export const SERVICES = core('services');
export const ENDPOINTS = core('endpoints');
export const PVCS = core('persistentvolumeclaims');
export const PVS = core('persistentvolumes');
export const BINDINGS = core('bindings');
export const CONFIGMAPS = core('configmaps');
export const SECRETS = core('secrets');
export const STATEFULSETS = apps('statefulsets');
export const CONTROLLER_REVISIONS = apps('controllerrevisions');
export const REPLICASETS = apps('replicasets');
export const DEPLOYMENTS = apps('deployments');
export const DAEMONSETS = apps('daemonsets');
export const STORAGE_CLASSES: ResourceType = { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' };
export const ENDPOINT_SLICES: ResourceType = { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' };

/** A loosely typed object body, for reading spec/status fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = any;

export const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Swallows NotFound (and AlreadyExists when asked), rethrows anything else. */
export async function ignoreNotFound<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isApiError(e) && e.reason === 'NotFound') return undefined;
    throw e;
  }
}

export function isReason(e: unknown, reason: string): boolean {
  return isApiError(e) && e.reason === reason;
}

export function controllerRef(o: KubeObject): OwnerReference | undefined {
  return (o.metadata.ownerReferences ?? []).find((r) => r.controller);
}

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function podPhase(pod: KubeObject): string {
  return (pod.status as Obj)?.phase ?? '';
}

export function isTerminating(o: KubeObject): boolean {
  return !!o.metadata.deletionTimestamp;
}

/** The claim names a pod's volumes reference. */
export function podClaimNames(pod: KubeObject): string[] {
  return ((pod.spec as Obj)?.volumes ?? []).filter((v: Obj) => v.persistentVolumeClaim?.claimName).map((v: Obj) => v.persistentVolumeClaim.claimName as string);
}

/** intstr.GetScaledValueFromIntOrPercent: an int as is, a percent of total rounded up or down. */
export function scaledValueFromIntOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value ?? '0'));
  if (!m) return Number(value) || 0;
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

/** Kubernetes quantity → number (bytes, cores). */
export function parseQuantity(q: unknown): number {
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(String(q ?? '').trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const mult: Record<string, number> = {
    m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
  };
  return m[2] ? n * mult[m[2]] : n;
}
