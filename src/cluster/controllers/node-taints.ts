/**
 * The node lifecycle controller's TaintNodesByCondition pass, for the condition
 * kubelab's nodes can be in: a cordoned node (spec.unschedulable) carries the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint, stamped with the time it
 * was added, and loses it when uncordoned.
 */
import type { Clock } from '../clock';
import { toRFC3339 } from '../clock';
import type { ClusterClient } from '../client/types';
import type { KubeObject } from '../api/types';
import { UNSCHEDULABLE_TAINT } from '../api/tolerations';
import { NODES, type Obj } from './runtime/resources';

export class NodeTaintController {
  private stop_: (() => void) | undefined;

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.stop_ = this.client.watch(NODES, { resourceVersion: '0' }, (e) => {
      if (e.type !== 'DELETED') void this.sync(e.object);
    });
  }

  stop(): void {
    this.stop_?.();
    this.stop_ = undefined;
  }

  private async sync(node: KubeObject): Promise<void> {
    const taints: Obj[] = (node.spec as Obj)?.taints ?? [];
    const has = taints.some((t) => t.key === UNSCHEDULABLE_TAINT && t.effect === 'NoSchedule');
    const wanted = Boolean((node.spec as Obj)?.unschedulable);
    if (has === wanted) return;
    const next = wanted
      ? [...taints, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule', timeAdded: toRFC3339(this.clock.now()) }]
      : taints.filter((t) => !(t.key === UNSCHEDULABLE_TAINT && t.effect === 'NoSchedule'));
    await this.client.patch(NODES, undefined, node.metadata.name!, 'merge', { spec: { taints: next.length ? next : null } }).catch(() => undefined);
  }
}
