/**
 * The EndpointSlice reconciler (k8s.io/endpointslice reconciler.go), as a pure
 * plan: given a Service, its pods and the slices it has, which slices to
 * create, update and delete. Endpoints stay in the slice that has them; new
 * ones fill the slices being updated, then the unchanged slice closest to
 * full, then new slices of at most 100. A Service with no endpoints keeps one
 * empty placeholder slice. The real sets pop endpoints in map order; here
 * they come in pod order.
 */
import type { KubeObject } from '../../api/types';
import { deepClone } from '../../api/object-utils';
import type { Obj } from '../runtime/resources';
import {
  MAX_ENDPOINTS_PER_SLICE,
  addressTypesFor,
  endpointKey,
  endpointPorts,
  newSlice,
  ownedBy,
  podToEndpoint,
  portMapKey,
  sameEndpointBeyondKey,
  shouldPodBeInSlices,
  sliceLabels,
} from './endpoints';

export interface SlicePlan {
  create: KubeObject[];
  update: KubeObject[];
  delete: KubeObject[];
}

const endpointsOf = (s: KubeObject): Obj[] => (s.endpoints ?? []) as Obj[];

export function reconcile(service: KubeObject, pods: KubeObject[], existing: KubeObject[], zoneOf: (node: string) => string | undefined = () => undefined, max = MAX_ENDPOINTS_PER_SLICE): SlicePlan {
  const types = addressTypesFor(service);
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const byType = new Map<string, KubeObject[]>();
  for (const slice of existing) {
    const type = String(slice.addressType);
    if (!types.includes(type)) plan.delete.push(slice);
    else byType.set(type, [...(byType.get(type) ?? []), slice]);
  }
  for (const type of types) {
    const part = reconcileByAddressType(service, pods, byType.get(type) ?? [], type, zoneOf, max);
    plan.create.push(...part.create);
    plan.update.push(...part.update);
    plan.delete.push(...part.delete);
  }
  return reuseDeletedNames(service, plan);
}

function reconcileByAddressType(service: KubeObject, pods: KubeObject[], existing: KubeObject[], addressType: string, zoneOf: (node: string) => string | undefined, max: number): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const existingByPorts = new Map<string, KubeObject[]>();
  for (const slice of existing) {
    if (!ownedBy(slice, service)) {
      plan.delete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports as Obj[]);
    existingByPorts.set(key, [...(existingByPorts.get(key) ?? []), slice]);
  }
  const desired = new Map<string, { ports: Obj[]; endpoints: Map<string, Obj> }>();
  for (const pod of pods) {
    if (!shouldPodBeInSlices(pod)) continue;
    const ports = endpointPorts(service, pod);
    const key = portMapKey(ports);
    let group = desired.get(key);
    if (!group) desired.set(key, (group = { ports, endpoints: new Map() }));
    const nodeName = (pod.spec as Obj)?.nodeName;
    const endpoint = podToEndpoint(pod, service, addressType, nodeName ? zoneOf(nodeName) : undefined);
    if (endpoint.addresses.length) group.endpoints.set(endpointKey(endpoint), endpoint);
  }
  for (const [key, group] of desired) {
    const part = reconcileByPortMapping(service, existingByPorts.get(key) ?? [], group.endpoints, group.ports, addressType, max);
    plan.create.push(...part.create);
    plan.update.push(...part.update);
    plan.delete.push(...part.delete);
  }
  for (const [key, slices] of existingByPorts) if (!desired.has(key)) plan.delete.push(...slices);

  // Every slice would go and none come: keep (or make) one empty placeholder.
  if (existing.length === plan.delete.length && plan.create.length === 0) {
    const placeholder = newSlice(service, [], addressType);
    if (plan.delete.length === 1 && isPlaceholderLike(plan.delete[0], placeholder)) plan.delete = [];
    else plan.create.push(placeholder);
  }
  return plan;
}

function isPlaceholderLike(slice: KubeObject, placeholder: KubeObject): boolean {
  const labels = (m: Record<string, string> | undefined) => JSON.stringify(Object.entries(m ?? {}).sort());
  const refs = (s: KubeObject) => JSON.stringify(s.metadata.ownerReferences ?? []);
  return (
    slice.metadata.namespace === placeholder.metadata.namespace &&
    labels(slice.metadata.labels) === labels(placeholder.metadata.labels) &&
    refs(slice) === refs(placeholder) &&
    slice.addressType === placeholder.addressType &&
    endpointsOf(slice).length === 0 &&
    ((slice.ports as Obj[] | null) ?? []).length === 0
  );
}

function reconcileByPortMapping(service: KubeObject, existing: KubeObject[], desired: Map<string, Obj>, ports: Obj[], addressType: string, max: number): SlicePlan {
  const byName = new Map<string, KubeObject>();
  const unchanged: string[] = [];
  const toUpdate: string[] = [];
  const toDelete: string[] = [];
  for (const slice of existing) {
    const name = slice.metadata.name!;
    byName.set(name, slice);
    const kept: Obj[] = [];
    let endpointChanged = false;
    for (const endpoint of endpointsOf(slice)) {
      const key = endpointKey(endpoint);
      const want = desired.get(key);
      if (!want) continue;
      kept.push(want);
      if (!sameEndpointBeyondKey(want, endpoint)) endpointChanged = true;
      desired.delete(key);
    }
    const { labels, changed: labelsChanged } = sliceLabels(service, slice.metadata.labels);
    if (endpointChanged || kept.length !== endpointsOf(slice).length) {
      if (kept.length === 0) toDelete.push(name);
      else {
        byName.set(name, withChanges(slice, kept, labels));
        toUpdate.push(name);
      }
    } else if (labelsChanged) {
      byName.set(name, withChanges(slice, endpointsOf(slice), labels));
      toUpdate.push(name);
    } else unchanged.push(name);
  }

  const pending = [...desired.values()];
  // Slices being written anyway take new endpoints first, fullest first.
  if (pending.length && toUpdate.length) {
    const slices = toUpdate.map((n) => byName.get(n)!).sort((a, b) => endpointsOf(b).length - endpointsOf(a).length);
    for (const slice of slices) while (pending.length && endpointsOf(slice).length < max) endpointsOf(slice).push(pending.shift());
  }
  const create: KubeObject[] = [];
  while (pending.length) {
    let fill: KubeObject | undefined;
    if (pending.length < max && unchanged.length) fill = sliceToFill(unchanged.map((n) => byName.get(n)!), pending.length, max);
    if (fill) {
      fill = withChanges(fill, [...endpointsOf(fill)], fill.metadata.labels ?? {});
      byName.set(fill.metadata.name!, fill);
    } else fill = { ...newSlice(service, ports, addressType), endpoints: [] };
    while (pending.length && endpointsOf(fill).length < max) endpointsOf(fill).push(pending.shift());
    if (fill.metadata.name) {
      toUpdate.push(fill.metadata.name);
      unchanged.splice(unchanged.indexOf(fill.metadata.name), 1);
    } else create.push(fill);
  }
  return { create, update: toUpdate.map((n) => byName.get(n)!), delete: toDelete.map((n) => byName.get(n)!) };
}

/** getSliceToFill: the slice that ends closest to full, if the endpoints fit in one. */
function sliceToFill(slices: KubeObject[], count: number, max: number): KubeObject | undefined {
  let closest: KubeObject | undefined;
  let closestDiff = max;
  for (const slice of slices) {
    const diff = max - (count + endpointsOf(slice).length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) break;
    }
  }
  return closest;
}

function withChanges(slice: KubeObject, endpoints: Obj[], labels: Record<string, string>): KubeObject {
  const copy = deepClone(slice);
  copy.endpoints = endpoints;
  copy.metadata.labels = labels;
  return copy;
}

/** finalize: a slice to create takes the name of an owned slice to delete, as an update. */
function reuseDeletedNames(service: KubeObject, plan: SlicePlan): SlicePlan {
  const create = [...plan.create];
  const update = [...plan.update];
  const remaining: KubeObject[] = [];
  for (const doomed of plan.delete) {
    const last = create[create.length - 1];
    if (last && doomed.addressType === last.addressType && ownedBy(doomed, service)) {
      create.pop();
      update.push({ ...last, metadata: { ...doomed.metadata, labels: last.metadata.labels, annotations: last.metadata.annotations, ownerReferences: last.metadata.ownerReferences } });
    } else remaining.push(doomed);
  }
  return { create, update, delete: remaining };
}
