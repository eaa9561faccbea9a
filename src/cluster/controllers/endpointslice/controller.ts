/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for each Service
 * with a selector (not ExternalName), keeps the slices labelled with its name
 * and managed by endpointslice-controller.k8s.io in step with the matching
 * pods. Slices of a deleted Service go with it through their owner reference.
 */
import type { Clock } from '../../clock';
import { toRFC3339 } from '../../clock';
import type { ClusterClient } from '../../client/types';
import type { KubeObject, ObjectMeta } from '../../api/types';
import { WorkQueue } from '../runtime/work-queue';
import { ENDPOINT_SLICES, NODES, PODS, SERVICES, ignoreNotFound, keyOf, splitKey, type Obj } from '../runtime/resources';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, TRIGGER_TIME_ANNOTATION, serviceSelects } from './endpoints';
import { reconcile } from './reconciler';
import { TriggerTimeTracker } from './trigger-time';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** The last-change-trigger-time annotation set to the time, or dropped when there is none (zero). */
export function withTriggerTime(slice: KubeObject, triggerTime: number): KubeObject {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = toRFC3339(triggerTime);
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  const metadata: ObjectMeta = { ...slice.metadata, annotations };
  if (!Object.keys(annotations).length) delete metadata.annotations;
  return { ...slice, metadata };
}

export class EndpointSliceController {
  private readonly queue: WorkQueue;
  private readonly triggerTimes = new TriggerTimeTracker();
  private stops: Array<() => void> = [];

  constructor(
    private readonly client: ClusterClient,
    clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key));
  }

  start(): void {
    this.stops.push(
      this.client.watch(SERVICES, { resourceVersion: '0' }, (e) => this.queue.add(keyOf(e.object))),
      this.client.watch(PODS, { resourceVersion: '0' }, (e) => void this.podChanged(e.object)),
      this.client.watch(ENDPOINT_SLICES, { resourceVersion: '0' }, (e) => {
        // A managed slice changed or removed by someone else is put right.
        const labels = e.object.metadata.labels ?? {};
        if (labels[LABEL_MANAGED_BY] === CONTROLLER_NAME && labels[LABEL_SERVICE_NAME]) this.queue.add(`${e.object.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`);
      }),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  /** Services selecting the pod now, and those whose slices still list it (its labels may have changed). */
  private async podChanged(pod: KubeObject): Promise<void> {
    const namespace = pod.metadata.namespace;
    const services = (await this.client.list(SERVICES, { namespace })).items;
    for (const svc of services) if (serviceSelects(svc, pod)) this.queue.add(keyOf(svc));
    const slices = (await this.client.list(ENDPOINT_SLICES, { namespace, labelSelector: `${LABEL_MANAGED_BY}=${CONTROLLER_NAME}` })).items;
    for (const slice of slices) {
      const lists = ((slice.endpoints ?? []) as Obj[]).some((e) => e.targetRef?.name === pod.metadata.name);
      if (lists) this.queue.add(`${namespace}/${slice.metadata.labels?.[LABEL_SERVICE_NAME]}`);
    }
  }

  private async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const service = await ignoreNotFound(this.client.get(SERVICES, namespace, name));
    if (!service) {
      this.triggerTimes.forget(key);
      return;
    }
    const spec = (service.spec ?? {}) as Obj;
    // ExternalName Services get no endpoints; selector-less ones get slices written by hand.
    if (spec.type === 'ExternalName' || !spec.selector) return;
    const pods = (await this.client.list(PODS, { namespace })).items.filter((p) => serviceSelects(service, p));
    const labelSelector = `${LABEL_SERVICE_NAME}=${name},${LABEL_MANAGED_BY}=${CONTROLLER_NAME}`;
    const slices = (await this.client.list(ENDPOINT_SLICES, { namespace, labelSelector })).items.filter((s) => !s.metadata.deletionTimestamp);
    const zones = await this.nodeZones();
    const triggerTime = this.triggerTimes.compute(key, service, pods);
    const plan = reconcile(service, pods, slices, (node) => zones.get(node));
    if (!service.metadata.deletionTimestamp) for (const slice of plan.create) await this.client.create(ENDPOINT_SLICES, withTriggerTime(slice, triggerTime));
    for (const slice of plan.update) await this.client.update(ENDPOINT_SLICES, withTriggerTime(slice, triggerTime));
    for (const slice of plan.delete) await ignoreNotFound(this.client.delete(ENDPOINT_SLICES, namespace, slice.metadata.name!));
  }

  private async nodeZones(): Promise<Map<string, string>> {
    const zones = new Map<string, string>();
    for (const node of (await this.client.list(NODES)).items) {
      const zone = node.metadata.labels?.[ZONE_LABEL];
      if (zone) zones.set(node.metadata.name!, zone);
    }
    return zones;
  }
}
