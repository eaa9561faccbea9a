/**
 * From a Service and its pods to EndpointSlice parts, as k8s.io/endpointslice's
 * utils.go does: podToEndpoint, getEndpointPorts, setEndpointSliceLabels,
 * newEndpointSlice, and the endpoint identity hashEndpoint uses.
 */
import type { KubeObject } from '../../api/types';
import { labelSelectorMatcher } from '../../api/selectors';
import { isPodReady, ownerRefTo, type Obj } from '../runtime/resources';

export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
export const MAX_ENDPOINTS_PER_SLICE = 100;

const RESERVED_LABELS = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);

/** Whether a Service's selector (a plain label map; none selects nothing) picks the pod. */
export function serviceSelects(service: KubeObject, pod: KubeObject): boolean {
  const selector = (service.spec as Obj)?.selector;
  return !!selector && labelSelectorMatcher({ matchLabels: selector })(pod.metadata.labels);
}

/** ShouldPodBeInEndpoints(pod, includeTerminating=true): has an IP and is not terminal. */
export function shouldPodBeInSlices(pod: KubeObject): boolean {
  const status = (pod.status ?? {}) as Obj;
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return false;
  return !!status.podIP || (status.podIPs ?? []).length > 0;
}

function podIPs(pod: KubeObject): string[] {
  const status = (pod.status ?? {}) as Obj;
  const ips: string[] = (status.podIPs ?? []).map((p: Obj) => p.ip);
  return ips.length ? ips : status.podIP ? [status.podIP] : [];
}

function isIPv6(ip: string): boolean {
  return ip.includes(':');
}

/** The address types a Service asks for: its ipFamilies, else the family of its cluster IP (both for headless). */
export function addressTypesFor(service: KubeObject): string[] {
  const spec = (service.spec ?? {}) as Obj;
  const families = new Set<string>();
  for (const f of spec.ipFamilies ?? []) if (f === 'IPv4' || f === 'IPv6') families.add(f);
  if (families.size) return [...families];
  if (spec.clusterIP && spec.clusterIP !== 'None') return [isIPv6(spec.clusterIP) ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}

/** podToEndpoint: serving is pod readiness; ready also needs not terminating, unless publishNotReadyAddresses. */
export function podToEndpoint(pod: KubeObject, service: KubeObject, addressType: string, zone?: string): Obj {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!(service.spec as Obj)?.publishNotReadyAddresses || (serving && !terminating);
  const endpoint: Obj = {
    addresses: podIPs(pod).filter((ip) => isIPv6(ip) === (addressType === 'IPv6')),
    conditions: { ready, serving, terminating },
  };
  const podSpec = (pod.spec ?? {}) as Obj;
  // ShouldSetHostname: the pod names itself under this Service (a StatefulSet's headless Service).
  if (podSpec.hostname && podSpec.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace) endpoint.hostname = podSpec.hostname;
  endpoint.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (podSpec.nodeName) endpoint.nodeName = podSpec.nodeName;
  if (zone) endpoint.zone = zone;
  return endpoint;
}

/** podutil.FindPort: a numeric targetPort as is, a named one from the pod's container ports of the same protocol. */
export function findPort(pod: KubeObject, servicePort: Obj): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^[0-9]+$/.test(String(target))) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const c of ((pod.spec as Obj)?.containers ?? []) as Obj[])
    for (const p of (c.ports ?? []) as Obj[]) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  return undefined;
}

/** getEndpointPorts: one port per service port the pod resolves (a headless Service may have none). */
export function endpointPorts(service: KubeObject, pod: KubeObject): Obj[] {
  const ports: Obj[] = [];
  for (const sp of ((service.spec as Obj)?.ports ?? []) as Obj[]) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: Obj = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    ports.push(p);
  }
  return ports;
}

/** The port-set key slices are grouped by (NewPortMapKey sorts ports before hashing). */
export function portMapKey(ports: Obj[] | null | undefined): string {
  return (ports ?? [])
    .map((p) => JSON.stringify([p.name ?? '', p.port ?? null, p.protocol ?? '', p.appProtocol ?? '']))
    .sort()
    .join('|');
}

/** hashEndpoint: sorted addresses, hostname and the target's namespace/name. */
export function endpointKey(endpoint: Obj): string {
  const ref = endpoint.targetRef ?? {};
  return JSON.stringify([[...(endpoint.addresses ?? [])].sort(), endpoint.hostname ?? '', ref.namespace ?? '', ref.name ?? '']);
}

/** EndpointsEqualBeyondHash: node, zone, conditions and target (resourceVersion aside). */
export function sameEndpointBeyondKey(a: Obj, b: Obj): boolean {
  const cond = (e: Obj) => [e.conditions?.ready, e.conditions?.serving, e.conditions?.terminating].map((v) => (v === undefined || v === null ? null : v));
  const ref = (e: Obj) => (e.targetRef ? JSON.stringify([e.targetRef.kind, e.targetRef.namespace, e.targetRef.name, e.targetRef.uid ?? '', e.targetRef.apiVersion ?? '', e.targetRef.fieldPath ?? '']) : '');
  return (a.nodeName ?? null) === (b.nodeName ?? null) && (a.zone ?? null) === (b.zone ?? null) && JSON.stringify(cond(a)) === JSON.stringify(cond(b)) && ref(a) === ref(b);
}

/** setEndpointSliceLabels: the Service's own labels, the headless mark, and the two reserved labels. */
export function sliceLabels(service: KubeObject, current: Record<string, string> | undefined): { labels: Record<string, string>; changed: boolean } {
  const own = (m: Record<string, string> | undefined) => Object.fromEntries(Object.entries(m ?? {}).filter(([k]) => !RESERVED_LABELS.has(k)));
  const fromService = own(service.metadata.labels);
  const fromSlice = own(current);
  const keys = new Set([...Object.keys(fromService), ...Object.keys(fromSlice)]);
  const changed = [...keys].some((k) => fromService[k] !== fromSlice[k]);
  const spec = (service.spec ?? {}) as Obj;
  const labels: Record<string, string> = { ...fromService };
  if (!spec.clusterIP || spec.clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name!;
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return { labels, changed };
}

/** newEndpointSlice: generateName `<service>-`, a controller reference to the Service, no endpoints yet. */
export function newSlice(service: KubeObject, ports: Obj[], addressType: string): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${service.metadata.name}-`,
      namespace: service.metadata.namespace,
      labels: sliceLabels(service, undefined).labels,
      ownerReferences: [ownerRefTo(service)],
    },
    addressType,
    // Empty lists come back from the apiserver as null (protobuf drops them), as `-o yaml` shows.
    endpoints: null,
    ports: ports.length ? ports : null,
  };
}

export function ownedBy(slice: KubeObject, service: KubeObject): boolean {
  return (slice.metadata.ownerReferences ?? []).some((r) => r.uid === service.metadata.uid && r.kind === 'Service' && r.apiVersion === 'v1');
}
