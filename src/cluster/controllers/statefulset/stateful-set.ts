/**
 * StatefulSet controller wiring (stateful_set.go): watches StatefulSets, their
 * pods and ControllerRevisions, queues the owning set's `namespace/name`,
 * adopts orphans that match (and releases pods that no longer do), then runs
 * one StatefulSetControl pass per key. Requeues after minReadySeconds while
 * ready pods are not yet available.
 */
import type { Clock } from '../../clock';
import type { ClusterClient } from '../../client/types';
import type { KubeObject } from '../../api/types';
import { labelSelectorMatcher } from '../../api/selectors';
import { WorkQueue } from '../runtime/work-queue';
import { CONTROLLER_REVISIONS, PODS, STATEFULSETS, controllerRef, ignoreNotFound, keyOf, splitKey, type Obj } from '../runtime/resources';
import { StatefulSetControl } from './stateful-set-control';
import { controllerRefFor, isMemberOf } from './stateful-set-utils';

export class StatefulSetController {
  private readonly queue: WorkQueue;
  readonly control: StatefulSetControl;
  private stops: Array<() => void> = [];

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key));
    this.control = new StatefulSetControl(client, clock);
  }

  start(): void {
    this.stops.push(
      this.client.watch(STATEFULSETS, { resourceVersion: '0' }, (e) => this.queue.add(keyOf(e.object))),
      this.client.watch(PODS, { resourceVersion: '0' }, (e) => this.enqueueOwner(e.object, 'Pod')),
      this.client.watch(CONTROLLER_REVISIONS, { resourceVersion: '0' }, (e) => this.enqueueOwner(e.object, 'ControllerRevision')),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private enqueueOwner(obj: KubeObject, _kind: string): void {
    const ref = controllerRef(obj);
    if (ref) {
      if (ref.kind === 'StatefulSet') this.queue.add(`${obj.metadata.namespace}/${ref.name}`);
      return;
    }
    // An orphan: every set in its namespace whose selector matches may adopt it.
    void this.client.list(STATEFULSETS, { namespace: obj.metadata.namespace }).then((list) => {
      for (const set of list.items) if (labelSelectorMatcher((set.spec as Obj).selector)(obj.metadata.labels)) this.queue.add(keyOf(set));
    });
  }

  private async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const set = await ignoreNotFound(this.client.get(STATEFULSETS, namespace, name));
    if (!set) return;
    const matches = labelSelectorMatcher((set.spec as Obj).selector);
    const pods = await this.claim(set, (await this.client.list(PODS, { namespace })).items, (p) => matches(p.metadata.labels) && isMemberOf(set, p), PODS);
    const revisions = await this.claim(set, (await this.client.list(CONTROLLER_REVISIONS, { namespace })).items, (r) => matches(r.metadata.labels), CONTROLLER_REVISIONS);
    const status = await this.control.updateStatefulSet(set, pods, revisions);
    const minReady = (set.spec as Obj).minReadySeconds ?? 0;
    if (minReady > 0 && status.readyReplicas !== status.availableReplicas) this.queue.addAfter(key, minReady * 1000);
  }

  /** ControllerRefManager.Claim*: keep owned matches, adopt matching orphans, release owned non-matches. */
  private async claim(set: KubeObject, objects: KubeObject[], match: (o: KubeObject) => boolean, type: typeof PODS): Promise<KubeObject[]> {
    const owned: KubeObject[] = [];
    for (const obj of objects) {
      const ref = controllerRef(obj);
      if (ref && ref.uid !== set.metadata.uid) continue;
      if (ref) {
        if (match(obj) || set.metadata.deletionTimestamp) owned.push(obj);
        else await ignoreNotFound(this.client.patch(type, obj.metadata.namespace, obj.metadata.name!, 'json', [{ op: 'replace', path: '/metadata/ownerReferences', value: (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid) }]));
        continue;
      }
      if (set.metadata.deletionTimestamp || obj.metadata.deletionTimestamp || !match(obj)) continue;
      const adopted = await ignoreNotFound(this.client.patch(type, obj.metadata.namespace, obj.metadata.name!, 'merge', { metadata: { ownerReferences: [...(obj.metadata.ownerReferences ?? []), controllerRefFor(set)] } }));
      if (adopted) owned.push(adopted);
    }
    return owned;
  }
}
