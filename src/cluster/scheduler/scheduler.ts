/**
 * default-scheduler: takes unscheduled pods one at a time, filters the nodes
 * (filters.ts), scores the feasible ones (least allocated, with the
 * scheduler's non-zero default requests, ties broken by the seeded random),
 * and binds through pods/binding. WaitForFirstConsumer claims are first
 * stamped with `volume.kubernetes.io/selected-node`; the pod is bound once
 * they are Bound. Failures set PodScheduled=False and record FailedScheduling;
 * such pods are retried after a back-off when the cluster changes.
 */
import type { Clock } from '../clock';
import { toRFC3339 } from '../clock';
import type { ClusterClient } from '../client/types';
import { recordEvent } from '../api/events';
import type { KubeObject, ResourceType } from '../api/types';
import type { SeededRandom } from '../random';
import { WorkQueue } from '../controllers/runtime/work-queue';
import { BINDINGS, NODES, PODS, PVCS, PVS, STORAGE_CLASSES, keyOf, parseQuantity, splitKey, type Obj } from '../controllers/runtime/resources';
import { filterNode, podClaimNames, podRequests, type FilterContext, type NodeFailure } from './filters';
import { fitErrorMessage, preFilterMessage } from './fit-error';

export const SCHEDULER_NAME = 'default-scheduler';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const SOURCE = { component: SCHEDULER_NAME };
const RESYNC_MS = 300_000;

export class Scheduler {
  private readonly queue: WorkQueue;
  private stops: Array<() => void> = [];
  private unschedulable = new Map<string, number>();
  /** Pods whose node is chosen, waiting for their claims to bind. */
  private assumed = new Map<string, string>();

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
    private readonly random: SeededRandom,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.scheduleOne(key));
  }

  start(): void {
    this.stops.push(
      this.client.watch(PODS, { resourceVersion: '0' }, (e) => {
        const pod = e.object;
        if (e.type === 'DELETED') {
          this.assumed.delete(keyOf(pod));
          this.unschedulable.delete(keyOf(pod));
          this.retryUnschedulable();
        } else if (this.wants(pod)) {
          if (!this.unschedulable.has(keyOf(pod))) this.queue.add(keyOf(pod));
        }
      }),
    );
    const changed = (type: ResourceType) => this.client.watch(type, {}, () => this.retryUnschedulable());
    this.stops.push(changed(NODES), changed(PVS), changed(STORAGE_CLASSES));
    this.stops.push(
      this.client.watch(PVCS, {}, () => {
        for (const key of this.assumed.keys()) this.queue.add(key);
        this.retryUnschedulable();
      }),
    );
    const resync = () => {
      for (const key of this.unschedulable.keys()) this.queue.add(key);
      const id = this.clock.setTimer(RESYNC_MS, resync);
      this.stops.push(() => this.clock.clearTimer(id));
    };
    const id = this.clock.setTimer(RESYNC_MS, resync);
    this.stops.push(() => this.clock.clearTimer(id));
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private wants(pod: KubeObject): boolean {
    const spec = pod.spec as Obj;
    return !spec.nodeName && (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !pod.metadata.deletionTimestamp;
  }

  private retryUnschedulable(): void {
    for (const [key, attempts] of this.unschedulable) this.queue.addAfter(key, Math.min(1000 * 2 ** Math.max(0, attempts - 1), 10_000));
  }

  private async scheduleOne(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const pod = await this.client.get(PODS, namespace, name).catch(() => undefined);
    if (!pod || !this.wants(pod)) {
      this.assumed.delete(key);
      this.unschedulable.delete(key);
      return;
    }
    const [nodes, pods, pvcs, pvs, classes] = await Promise.all([
      this.client.list(NODES),
      this.client.list(PODS),
      this.client.list(PVCS, { namespace }),
      this.client.list(PVS),
      this.client.list(STORAGE_CLASSES),
    ]);
    const claims = new Map<string, KubeObject | undefined>();
    for (const claim of podClaimNames(pod)) claims.set(claim, pvcs.items.find((p) => p.metadata.name === claim));
    const waitingNode = this.assumed.get(key);
    if (waitingNode) return this.bindWhenClaimsBound(pod, waitingNode, claims);

    const isWFFC = (pvc: KubeObject) => {
      const cls = classes.items.find((c) => c.metadata.name === (pvc.spec as Obj).storageClassName);
      return (cls as Obj | undefined)?.volumeBindingMode === 'WaitForFirstConsumer';
    };
    const total = nodes.items.length;
    for (const [claim, pvc] of claims) {
      if (!pvc) return this.failed(pod, preFilterMessage(total, `persistentvolumeclaim "${claim}" not found`));
      if (pvc.metadata.deletionTimestamp) return this.failed(pod, preFilterMessage(total, `persistentvolumeclaim "${claim}" is being deleted`));
    }
    if ([...claims.values()].some((pvc) => (pvc!.status as Obj)?.phase !== 'Bound' && !isWFFC(pvc!)))
      return this.failed(pod, preFilterMessage(total, 'pod has unbound immediate PersistentVolumeClaims'));

    const podsByNode = new Map<string, KubeObject[]>();
    const place = (nodeName: string, p: KubeObject) => podsByNode.set(nodeName, [...(podsByNode.get(nodeName) ?? []), p]);
    for (const p of pods.items) {
      const phase = (p.status as Obj)?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const nodeName = (p.spec as Obj).nodeName ?? this.assumed.get(keyOf(p));
      if (nodeName && keyOf(p) !== key) place(nodeName, p);
    }
    const ctx: FilterContext = { pod, podsByNode, nodes: nodes.items, claims, pvs: new Map(pvs.items.map((v) => [v.metadata.name!, v])) };
    const failures: NodeFailure[] = [];
    const feasible: KubeObject[] = [];
    for (const node of nodes.items) {
      const failure = filterNode(node, ctx);
      if (failure) failures.push(failure);
      else feasible.push(node);
    }
    if (!feasible.length) return this.failed(pod, fitErrorMessage(total, failures));
    const chosen = this.pick(feasible, ctx);
    this.unschedulable.delete(key);
    const unbound = [...claims.values()].filter((pvc) => (pvc!.status as Obj)?.phase !== 'Bound');
    if (unbound.length) {
      this.assumed.set(key, chosen);
      for (const pvc of unbound) {
        if (pvc!.metadata.annotations?.[SELECTED_NODE]) continue;
        await this.client.patch(PVCS, namespace, pvc!.metadata.name!, 'merge', { metadata: { annotations: { [SELECTED_NODE]: chosen } } }).catch(() => undefined);
      }
      return;
    }
    await this.bind(pod, chosen);
  }

  private async bindWhenClaimsBound(pod: KubeObject, nodeName: string, claims: Map<string, KubeObject | undefined>): Promise<void> {
    if ([...claims.values()].every((pvc) => (pvc?.status as Obj)?.phase === 'Bound')) {
      this.assumed.delete(keyOf(pod));
      await this.bind(pod, nodeName);
    }
  }

  /** Least allocated by the scheduler's non-zero requests (100m CPU, 200Mi memory per container). */
  private pick(feasible: KubeObject[], ctx: FilterContext): string {
    const nonZero = (p: KubeObject) => {
      const r = podRequests(p);
      const n = ((p.spec as Obj).containers ?? []).length || 1;
      return { cpu: r.cpu || 0.1 * n, memory: r.memory || 200 * 1024 * 1024 * n };
    };
    const mine = nonZero(ctx.pod);
    let best: string[] = [];
    let bestScore = -Infinity;
    for (const node of feasible) {
      const alloc: Obj = (node.status as Obj)?.allocatable ?? {};
      const used = (ctx.podsByNode.get(node.metadata.name!) ?? []).map(nonZero).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
      const free = (u: number, w: number, cap: number) => (cap > 0 ? Math.max(0, (cap - u - w) / cap) : 0);
      const score = Math.floor((100 * (free(used.cpu, mine.cpu, parseQuantity(alloc.cpu)) + free(used.memory, mine.memory, parseQuantity(alloc.memory)))) / 2);
      if (score > bestScore) {
        bestScore = score;
        best = [node.metadata.name!];
      } else if (score === bestScore) best.push(node.metadata.name!);
    }
    return best[this.random.int(best.length)];
  }

  private async bind(pod: KubeObject, nodeName: string): Promise<void> {
    const { namespace, name } = pod.metadata;
    try {
      await this.client.create(BINDINGS, { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, uid: pod.metadata.uid }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } });
    } catch {
      return;
    }
    await recordEvent(this.client, this.clock, pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`, SOURCE);
  }

  private async failed(pod: KubeObject, message: string): Promise<void> {
    const key = keyOf(pod);
    this.unschedulable.set(key, (this.unschedulable.get(key) ?? 0) + 1);
    await recordEvent(this.client, this.clock, pod, 'Warning', 'FailedScheduling', message, SOURCE);
    const status: Obj = { ...(pod.status as Obj) };
    const conditions: Obj[] = [...(status.conditions ?? [])];
    const old = conditions.find((c) => c.type === 'PodScheduled');
    const cond = {
      lastProbeTime: null,
      lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : toRFC3339(this.clock.now()),
      message,
      reason: 'Unschedulable',
      status: 'False',
      type: 'PodScheduled',
    };
    status.conditions = old ? conditions.map((c) => (c.type === 'PodScheduled' ? cond : c)) : [...conditions, cond];
    await this.client.updateStatus(PODS, { ...pod, status }).catch(() => undefined);
  }
}
