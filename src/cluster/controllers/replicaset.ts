/**
 * ReplicaSet controller: keeps `spec.replicas` active pods named
 * `<rs>-<5 random chars>` (generateName), adopting matching orphans; deletes
 * the least valuable pods first (unscheduled, pending, not ready, newest);
 * reports replicas / fullyLabeled / ready / available.
 */
import type { Clock } from '../clock';
import type { ClusterClient } from '../client/types';
import { recordEvent } from '../api/events';
import type { KubeObject } from '../api/types';
import { deepClone, deepEqual } from '../api/object-utils';
import { labelSelectorMatcher } from '../api/selectors';
import type { SeededRandom } from '../random';
import { WorkQueue } from './runtime/work-queue';
import { PODS, REPLICASETS, controllerRef, ignoreNotFound, isPodReady, keyOf, ownerRefTo, splitKey, type Obj } from './runtime/resources';

const SOURCE = { component: 'replicaset-controller' };

const isActive = (p: KubeObject) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes((p.status as Obj)?.phase);

/** Deletion order of controller.ActivePods: unassigned, pending, not ready, then the most recently created. */
function deletionRank(p: KubeObject): number[] {
  const assigned = (p.spec as Obj)?.nodeName ? 1 : 0;
  const phase = (p.status as Obj)?.phase;
  const running = phase === 'Running' ? 2 : phase === 'Pending' ? 1 : 0;
  return [assigned, running, isPodReady(p) ? 1 : 0, -Date.parse(p.metadata.creationTimestamp ?? '') || 0];
}

export class ReplicaSetController {
  private readonly queue: WorkQueue;
  private stops: Array<() => void> = [];

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
    private readonly random: SeededRandom,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key));
    void this.random;
  }

  start(): void {
    this.stops.push(
      this.client.watch(REPLICASETS, { resourceVersion: '0' }, (e) => this.queue.add(keyOf(e.object))),
      this.client.watch(PODS, { resourceVersion: '0' }, (e) => {
        const ref = controllerRef(e.object);
        if (ref?.kind === 'ReplicaSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
        else if (!ref)
          void this.client.list(REPLICASETS, { namespace: e.object.metadata.namespace }).then((l) => {
            for (const rs of l.items) if (labelSelectorMatcher((rs.spec as Obj).selector)(e.object.metadata.labels)) this.queue.add(keyOf(rs));
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
    const rs = await ignoreNotFound(this.client.get(REPLICASETS, namespace, name));
    if (!rs) return;
    const spec = rs.spec as Obj;
    const matches = labelSelectorMatcher(spec.selector);
    const pods: KubeObject[] = [];
    for (const pod of (await this.client.list(PODS, { namespace })).items) {
      const ref = controllerRef(pod);
      if (ref?.uid === rs.metadata.uid) pods.push(pod);
      else if (!ref && matches(pod.metadata.labels) && !rs.metadata.deletionTimestamp && !pod.metadata.deletionTimestamp) {
        const adopted = await ignoreNotFound(this.client.patch(PODS, namespace, pod.metadata.name!, 'merge', { metadata: { ownerReferences: [...(pod.metadata.ownerReferences ?? []), ownerRefTo(rs)] } }));
        if (adopted) pods.push(adopted);
      }
    }
    const active = pods.filter(isActive);
    const want = rs.metadata.deletionTimestamp ? active.length : (spec.replicas ?? 1);
    if (active.length < want) {
      for (let i = active.length; i < want; i++) {
        const template = deepClone(spec.template ?? {}) as Obj;
        const pod: KubeObject = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { generateName: `${name}-`, namespace, labels: template.metadata?.labels, annotations: template.metadata?.annotations, ownerReferences: [ownerRefTo(rs)] },
          spec: template.spec,
        };
        try {
          const created = await this.client.create(PODS, pod);
          active.push(created);
          await recordEvent(this.client, this.clock, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
        } catch (e) {
          await recordEvent(this.client, this.clock, rs, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`, SOURCE);
          break;
        }
      }
    } else if (active.length > want) {
      const doomed = [...active].sort((a, b) => compareRank(deletionRank(a), deletionRank(b))).slice(0, active.length - want);
      for (const pod of doomed) {
        await ignoreNotFound(this.client.delete(PODS, namespace, pod.metadata.name!));
        await recordEvent(this.client, this.clock, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      }
    }
    const now = await this.client.list(PODS, { namespace });
    const owned = now.items.filter((p) => controllerRef(p)?.uid === rs.metadata.uid && isActive(p));
    const templateLabels: Record<string, string> = spec.template?.metadata?.labels ?? {};
    const status: Obj = {
      replicas: owned.length,
      fullyLabeledReplicas: owned.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: owned.filter(isPodReady).length,
      availableReplicas: owned.filter(isPodReady).length,
      observedGeneration: rs.metadata.generation,
    };
    for (const f of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (!status[f]) delete status[f];
    const fresh = await ignoreNotFound(this.client.get(REPLICASETS, namespace, name));
    if (fresh && !deepEqual(fresh.status, status)) await this.client.updateStatus(REPLICASETS, { ...fresh, status });
  }
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
