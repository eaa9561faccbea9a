/**
 * Taint-based eviction (pkg/controller/tainteviction): a pod bound to a node
 * with a NoExecute taint it does not tolerate is deleted at once; one it
 * tolerates for tolerationSeconds is deleted when the shortest of them runs
 * out, unless the taint goes first.
 */
import type { Clock, TimerId } from '../clock';
import { toRFC3339 } from '../clock';
import type { ClusterClient } from '../client/types';
import type { KubeObject } from '../api/types';
import { recordEvent } from '../api/events';
import { markDisruptionTarget } from '../api/pod-conditions';
import { toleratesTaint } from '../api/tolerations';
import { NODES, PODS, type Obj } from './runtime/resources';

const SOURCE = { component: 'taint-eviction-controller' };

/**
 * Milliseconds until the pod must go: 0 at once, undefined never. Each taint is
 * covered by the first toleration that tolerates it (GetMatchingTolerations);
 * the shortest tolerationSeconds among those counts, and ones without seconds
 * do not limit it (getMinTolerationTime).
 */
export function evictionDelay(pod: KubeObject, taints: Obj[]): number | undefined {
  const tolerations: Obj[] = (pod.spec as Obj)?.tolerations ?? [];
  const used: Obj[] = [];
  for (const taint of taints) {
    const first = tolerations.find((t) => toleratesTaint(t, taint));
    if (!first) return 0;
    used.push(first);
  }
  const seconds = used.map((t) => t.tolerationSeconds).filter((s): s is number => typeof s === 'number');
  if (seconds.length === 0) return undefined;
  const shortest = Math.min(...seconds);
  return shortest <= 0 ? 0 : shortest * 1000;
}

export class TaintEvictionController {
  private stops: Array<() => void> = [];
  private readonly timers = new Map<string, TimerId>();
  private readonly nodes = new Map<string, Obj[]>();

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.stops.push(
      this.client.watch(NODES, { resourceVersion: '0' }, (e) => {
        const name = e.object.metadata.name!;
        const taints = e.type === 'DELETED' ? [] : (((e.object.spec as Obj)?.taints ?? []) as Obj[]).filter((t) => t.effect === 'NoExecute');
        const before = JSON.stringify(this.nodes.get(name) ?? []);
        this.nodes.set(name, taints);
        if (JSON.stringify(taints) !== before) void this.podsOn(name).then((pods) => pods.forEach((p) => this.evaluate(p)));
      }),
      this.client.watch(PODS, { resourceVersion: '0' }, (e) => (e.type === 'DELETED' ? this.cancel(e.object) : this.evaluate(e.object))),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    for (const t of this.timers.values()) this.clock.clearTimer(t);
    this.timers.clear();
  }

  private async podsOn(node: string): Promise<KubeObject[]> {
    return (await this.client.list(PODS, { fieldSelector: `spec.nodeName=${node}` })).items;
  }

  private cancel(pod: KubeObject): void {
    const uid = pod.metadata.uid!;
    const timer = this.timers.get(uid);
    if (timer !== undefined) this.clock.clearTimer(timer);
    this.timers.delete(uid);
  }

  private evaluate(pod: KubeObject): void {
    const node = (pod.spec as Obj)?.nodeName as string | undefined;
    const taints = node ? this.nodes.get(node) ?? [] : [];
    const delay = pod.metadata.deletionTimestamp || taints.length === 0 ? undefined : evictionDelay(pod, taints);
    if (delay === undefined) return this.cancel(pod);
    const uid = pod.metadata.uid!;
    if (this.timers.has(uid)) return;
    this.timers.set(
      uid,
      this.clock.setTimer(delay, () => void this.evict(pod)),
    );
  }

  private async evict(pod: KubeObject): Promise<void> {
    const { namespace, name } = pod.metadata;
    await recordEvent(this.client, this.clock, pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`, SOURCE);
    try {
      const fresh = await this.client.get(PODS, namespace, name!);
      if (fresh.metadata.uid !== pod.metadata.uid) return;
      await this.client.updateStatus(PODS, markDisruptionTarget(fresh, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint', toRFC3339(this.clock.now())));
      await this.client.delete(PODS, namespace, name!);
    } catch {
      // Gone already, or changed under us: the watch brings it back if it still matters.
    } finally {
      this.timers.delete(pod.metadata.uid!);
    }
  }
}
