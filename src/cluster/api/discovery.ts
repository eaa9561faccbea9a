/** The served resources, as real v1.32 discovery (`kubectl api-resources`) lists them. */
import type { ResourceInfo, ResourceType } from './types';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  group: string,
  kind: string,
  resource: string,
  shortNames: string[],
  namespaced: boolean,
  verbs = ALL,
  categories?: string[],
): ResourceInfo {
  const info: ResourceInfo = { group, version: 'v1', kind, resource, singular: kind.toLowerCase(), shortNames, namespaced, verbs };
  if (categories) info.categories = categories;
  return info;
}

/** In discovery order (core, apps, discovery.k8s.io, policy, storage.k8s.io), alphabetical within a group. */
export const RESOURCES: readonly ResourceInfo[] = [
  r('', 'Binding', 'bindings', [], true, ['create']),
  r('', 'ConfigMap', 'configmaps', ['cm'], true),
  r('', 'Endpoints', 'endpoints', ['ep'], true),
  r('', 'Event', 'events', ['ev'], true),
  r('', 'Namespace', 'namespaces', ['ns'], false, NO_COLLECTION),
  r('', 'Node', 'nodes', ['no'], false),
  r('', 'PersistentVolumeClaim', 'persistentvolumeclaims', ['pvc'], true),
  r('', 'PersistentVolume', 'persistentvolumes', ['pv'], false),
  r('', 'Pod', 'pods', ['po'], true, ALL, ['all']),
  r('', 'Secret', 'secrets', [], true),
  r('', 'ServiceAccount', 'serviceaccounts', ['sa'], true),
  r('', 'Service', 'services', ['svc'], true, ALL, ['all']),
  r('apps', 'ControllerRevision', 'controllerrevisions', [], true),
  r('apps', 'DaemonSet', 'daemonsets', ['ds'], true, ALL, ['all']),
  r('apps', 'Deployment', 'deployments', ['deploy'], true, ALL, ['all']),
  r('apps', 'ReplicaSet', 'replicasets', ['rs'], true, ALL, ['all']),
  r('apps', 'StatefulSet', 'statefulsets', ['sts'], true, ALL, ['all']),
  r('discovery.k8s.io', 'EndpointSlice', 'endpointslices', [], true),
  r('policy', 'PodDisruptionBudget', 'poddisruptionbudgets', ['pdb'], true),
  r('storage.k8s.io', 'StorageClass', 'storageclasses', ['sc'], false),
];

/** A fresh copy of the table, safe for callers to keep. */
export function discoveryTable(): ResourceInfo[] {
  return RESOURCES.map((i) => ({ ...i, shortNames: [...i.shortNames], verbs: [...i.verbs], ...(i.categories ? { categories: [...i.categories] } : {}) }));
}

export function resourceKey(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

export function findResource(type: ResourceType): ResourceInfo | undefined {
  return RESOURCES.find((i) => i.resource === type.resource && i.group === type.group && i.version === type.version);
}

export function findByKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return RESOURCES.find((i) => i.kind === kind && i.group === group && i.version === version);
}

export function typeOf(info: ResourceInfo): ResourceType {
  return { group: info.group, version: info.version, resource: info.resource };
}

/**
 * kubectl's resource-name resolution: plural, singular, short name or kind
 * (case-insensitive), optionally qualified as `name.group` or `name.version.group`.
 */
export function resolveResource(discovery: ResourceInfo[], name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  const matches = (i: ResourceInfo, n: string) =>
    i.resource === n || i.singular === n || i.shortNames.includes(n) || i.kind.toLowerCase() === n;
  const plain = discovery.filter((i) => matches(i, lower));
  if (plain.length) return preferCore(plain);
  const dot = lower.indexOf('.');
  if (dot < 0) return undefined;
  const head = lower.slice(0, dot);
  const rest = lower.slice(dot + 1);
  const withGroup = discovery.filter((i) => matches(i, head) && (i.group === rest || `${i.version}.${i.group}` === rest));
  return preferCore(withGroup);
}

function preferCore(list: ResourceInfo[]): ResourceInfo | undefined {
  return list.find((i) => i.group === '') ?? list[0];
}
