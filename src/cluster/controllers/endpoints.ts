/**
 * Endpoints controller: for each Service with a selector, one Endpoints object
 * of the same name listing the matching pods — ready ones under `addresses`,
 * the rest under `notReadyAddresses` (all ready with publishNotReadyAddresses);
 * hostname when the pod's subdomain is the service; ports resolved by name.
 */
import type { Clock } from '../clock';
import { toRFC3339 } from '../clock';
import type { ClusterClient } from '../client/types';
import type { KubeObject } from '../api/types';
import { deepEqual } from '../api/object-utils';
import { WorkQueue } from './runtime/work-queue';
import { ENDPOINTS, PODS, SERVICES, ignoreNotFound, isPodReady, keyOf, splitKey, type Obj } from './runtime/resources';
import { LABEL_HEADLESS, TRIGGER_TIME_ANNOTATION, findPort, serviceSelects } from './endpointslice/endpoints';

const ipValue = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

/** ShouldPodBeInEndpoints: has an IP, not terminal, not terminating (unless publishing not-ready). */
function included(pod: KubeObject, publishNotReady: boolean): boolean {
  const status = pod.status as Obj;
  if (!status?.podIP) return false;
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return false;
  return !pod.metadata.deletionTimestamp || publishNotReady;
}

/** The subsets for a service, grouped by resolved port set as RepackSubsets does. */
export function endpointSubsets(service: KubeObject, pods: KubeObject[]): Obj[] {
  const spec = service.spec as Obj;
  const publish = !!spec.publishNotReadyAddresses;
  const groups = new Map<string, { ports: Obj[]; addresses: Obj[]; notReadyAddresses: Obj[] }>();
  for (const pod of pods) {
    if (!included(pod, publish)) continue;
    const status = pod.status as Obj;
    const address: Obj = { ip: status.podIP };
    const podSpec = pod.spec as Obj;
    if (podSpec.hostname && podSpec.subdomain === service.metadata.name) address.hostname = podSpec.hostname;
    if (podSpec.nodeName) address.nodeName = podSpec.nodeName;
    address.targetRef = { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
    const ports: Obj[] = [];
    for (const sp of spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const p: Obj = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) p.name = sp.name;
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      ports.push(p);
    }
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, addresses: [], notReadyAddresses: [] }));
    if (publish || isPodReady(pod)) group.addresses.push(address);
    else group.notReadyAddresses.push(address);
  }
  const byIP = (a: Obj, b: Obj) => ipValue(a.ip) - ipValue(b.ip);
  return [...groups.values()].map((g) => {
    const subset: Obj = {};
    if (g.addresses.length) subset.addresses = g.addresses.sort(byIP);
    if (g.notReadyAddresses.length) subset.notReadyAddresses = g.notReadyAddresses.sort(byIP);
    if (g.ports.length) subset.ports = g.ports;
    return subset;
  });
}

/** Compares subsets ignoring port order (the real controller orders ports by hash). */
function sameSubsets(a: Obj[] | undefined, b: Obj[]): boolean {
  // Any fixed order will do; not localeCompare, whose first call (loading collation data) slows the lab's start.
  const byName = (p: Obj, q: Obj) => (String(p.name) < String(q.name) ? -1 : String(p.name) > String(q.name) ? 1 : 0);
  const norm = (s: Obj[] | undefined) => (s ?? []).map((x) => ({ ...x, ports: [...(x.ports ?? [])].sort((p: Obj, q: Obj) => byName(p, q) || p.port - q.port) }));
  return deepEqual(norm(a), norm(b));
}

export class EndpointsController {
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
      this.client.watch(SERVICES, { resourceVersion: '0' }, (e) => this.queue.add(keyOf(e.object))),
      this.client.watch(PODS, { resourceVersion: '0' }, (e) => {
        void this.client.list(SERVICES, { namespace: e.object.metadata.namespace }).then((list) => {
          for (const svc of list.items) if (serviceSelects(svc, e.object)) this.queue.add(keyOf(svc));
        });
      }),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  private async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const service = await ignoreNotFound(this.client.get(SERVICES, namespace, name));
    const existing = await ignoreNotFound(this.client.get(ENDPOINTS, namespace, name));
    const selector = (service?.spec as Obj)?.selector;
    if (!service || !selector) {
      // Endpoints of a deleted service go with it; selector-less services are managed by hand.
      if (!service && existing && existing.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true') await ignoreNotFound(this.client.delete(ENDPOINTS, namespace, name));
      return;
    }
    const pods = (await this.client.list(PODS, { namespace })).items.filter((p) => serviceSelects(service, p));
    const subsets = endpointSubsets(service, pods);
    const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
    if ((service.spec as Obj).clusterIP === 'None') labels[LABEL_HEADLESS] = '';
    if (existing && sameSubsets(existing.subsets as Obj[] | undefined, subsets)) return;
    const annotations = { [TRIGGER_TIME_ANNOTATION]: toRFC3339(this.clock.now()) };
    const body: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, labels, annotations }, ...(subsets.length ? { subsets } : {}) };
    if (existing) await this.client.update(ENDPOINTS, { ...body, metadata: { ...existing.metadata, labels, annotations } });
    else await this.client.create(ENDPOINTS, body).catch(() => undefined);
  }
}
