/**
 * Describer lookup (describerMap): per kind, fetch what the text needs
 * (events, owned pods, endpoint slices) through the client, then render.
 */
import type { KubeObject, ResourceType } from '../../../../cluster/api/types';
import type { ClusterClient } from '../../../../cluster/client/types';
import type { Json } from '../printers/types';
import { describeConfigMap, describeEndpoints, describeGeneric, describeNamespace, describeSecret, describeService, describeServiceAccount } from './core';
import { describeEndpointSlice } from './endpointslice';
import { describeNode } from './node';
import { describePod } from './pod';
import { describePodDisruptionBudget } from './policy';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass, podsUsingClaim } from './storage';
import { countPodPhases, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads';

const core = (resource: string): ResourceType => ({ group: '', version: 'v1', resource });
const PODS = core('pods');
const EVENTS = core('events');

export interface DescribeContext {
  client: ClusterClient;
  now: number;
  /** --show-events */
  showEvents: boolean;
}

/** searchEvents: events whose involvedObject is this object (by uid, name and namespace; pods ignore kind). */
export async function eventsFor(ctx: DescribeContext, obj: KubeObject, matchKind = true): Promise<Json[] | undefined> {
  if (!ctx.showEvents) return undefined;
  const list = await ctx.client.list(EVENTS, { namespace: obj.metadata.namespace || undefined }).catch(() => ({ items: [] as KubeObject[] }));
  return list.items.filter((e) => {
    const ref = (e as Json).involvedObject ?? {};
    if (ref.name !== obj.metadata.name) return false;
    if (obj.metadata.namespace && ref.namespace !== obj.metadata.namespace) return false;
    if (matchKind && ref.kind && ref.kind !== obj.kind) return false;
    // Kubelets record node events with the node's name as uid.
    return !ref.uid || !obj.metadata.uid || ref.uid === obj.metadata.uid || ref.uid === obj.metadata.name;
  });
}

async function podsIn(ctx: DescribeContext, namespace: string | undefined, labelSelector?: string): Promise<Json[]> {
  return (await ctx.client.list(PODS, { namespace, labelSelector })).items;
}

/** `app=nginx` from matchLabels, for listing a workload's pods (expressions are checked by ownership). */
function matchLabelsSelector(selector: Json): string | undefined {
  const ml = (selector?.matchLabels ?? {}) as Record<string, string>;
  const s = Object.keys(ml)
    .sort()
    .map((k) => `${k}=${ml[k]}`)
    .join(',');
  return s || undefined;
}

/**
 * kubectl 1.32 reads a Service's EndpointSlices. A selector-less Service's hand-made
 * Endpoints get slices from the mirroring controller on a real cluster, which the lab
 * does not run: their Endpoints stand in for those mirrored slices.
 */
async function slicesFromEndpoints(ctx: DescribeContext, svc: KubeObject): Promise<Json[]> {
  const ep = (await ctx.client.get(core('endpoints'), svc.metadata.namespace, svc.metadata.name ?? '').catch(() => undefined)) as Json;
  return ((ep?.subsets ?? []) as Json[]).map((subset) => ({
    endpoints: [
      ...((subset.addresses ?? []) as Json[]).map((a) => ({ addresses: [a.ip], conditions: { ready: true } })),
      ...((subset.notReadyAddresses ?? []) as Json[]).map((a) => ({ addresses: [a.ip], conditions: { ready: false } })),
    ],
    ports: ((subset.ports ?? []) as Json[]).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
  }));
}

type Describer = (ctx: DescribeContext, obj: Json) => Promise<string>;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': async (ctx, pod) => describePod(pod, await eventsFor(ctx, pod, false), ctx.now),
  'apps/StatefulSet': async (ctx, sts) => {
    const pods = await podsIn(ctx, sts.metadata.namespace, matchLabelsSelector(sts.spec?.selector));
    return describeStatefulSet(sts, countPodPhases(pods, sts.metadata.uid), await eventsFor(ctx, sts), ctx.now);
  },
  'apps/ReplicaSet': async (ctx, rs) => {
    const pods = await podsIn(ctx, rs.metadata.namespace, matchLabelsSelector(rs.spec?.selector));
    return describeReplicaSet(rs, countPodPhases(pods, rs.metadata.uid), await eventsFor(ctx, rs), ctx.now);
  },
  'apps/Deployment': async (ctx, d) => {
    const type: ResourceType = { group: 'apps', version: 'v1', resource: 'replicasets' };
    const sets = (await ctx.client.list(type, { namespace: d.metadata.namespace })).items.filter((rs) =>
      (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid),
    ) as Json[];
    const revision = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const isNew = (rs: Json) => revision !== undefined && rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === revision;
    const oldSets = sets.filter((rs) => !isNew(rs) && (rs.spec?.replicas ?? 0) > 0);
    return describeDeployment(d, oldSets, sets.filter(isNew), await eventsFor(ctx, d), ctx.now);
  },
  '/PersistentVolumeClaim': async (ctx, pvc) => {
    const pods = podsUsingClaim(pvc, await podsIn(ctx, pvc.metadata.namespace));
    return describePersistentVolumeClaim(pvc, pods, await eventsFor(ctx, pvc), ctx.now);
  },
  '/PersistentVolume': async (ctx, pv) => describePersistentVolume(pv, await eventsFor(ctx, pv), ctx.now),
  'policy/PodDisruptionBudget': async (ctx, pdb) => describePodDisruptionBudget(pdb, await eventsFor(ctx, pdb), ctx.now),
  'storage.k8s.io/StorageClass': async (ctx, sc) => describeStorageClass(sc, await eventsFor(ctx, sc), ctx.now),
  '/Service': async (ctx, svc) => {
    const type: ResourceType = { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' };
    const labelSelector = `kubernetes.io/service-name=${svc.metadata.name}`;
    let slices: Json[] = await ctx.client.list(type, { namespace: svc.metadata.namespace, labelSelector }).then(
      (l) => l.items,
      () => [],
    );
    if (slices.length === 0) slices = await slicesFromEndpoints(ctx, svc);
    return describeService(svc, slices, await eventsFor(ctx, svc), ctx.now);
  },
  '/Node': async (ctx, node) => {
    const pods = (await podsIn(ctx, undefined)).filter(
      (p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
    return describeNode(node, pods, await eventsFor(ctx, node), ctx.now);
  },
  '/Namespace': async (_ctx, ns) => describeNamespace(ns),
  '/ConfigMap': async (ctx, cm) => describeConfigMap(cm, await eventsFor(ctx, cm), ctx.now),
  '/Secret': async (_ctx, secret) => describeSecret(secret),
  '/Endpoints': async (ctx, ep) => describeEndpoints(ep, await eventsFor(ctx, ep), ctx.now),
  'discovery.k8s.io/EndpointSlice': async (ctx, eps) => describeEndpointSlice(eps, await eventsFor(ctx, eps), ctx.now),
  '/ServiceAccount': async (ctx, sa) => describeServiceAccount(sa, await eventsFor(ctx, sa), ctx.now),
};

/** The describe text for one object fetched from the API. */
export async function describeObject(ctx: DescribeContext, obj: KubeObject, group: string): Promise<string> {
  const describer = DESCRIBERS[`${group}/${obj.kind}`];
  if (describer) return describer(ctx, obj);
  return describeGeneric(obj, await eventsFor(ctx, obj), ctx.now);
}
