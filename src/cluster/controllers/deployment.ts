/**
 * Deployment controller (basics): one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`; RollingUpdate scales the new set up
 * within maxSurge and old sets down within maxUnavailable; Recreate empties the
 * old sets first. Records ScalingReplicaSet and keeps the status counters and
 * the Available / Progressing conditions.
 */
import type { Clock } from '../clock';
import { toRFC3339 } from '../clock';
import type { ClusterClient } from '../client/types';
import { recordEvent } from '../api/events';
import type { KubeObject } from '../api/types';
import { deepClone, deepEqual } from '../api/object-utils';
import { WorkQueue } from './runtime/work-queue';
import { DEPLOYMENTS, REPLICASETS, controllerRef, ignoreNotFound, keyOf, ownerRefTo, scaledValueFromIntOrPercent, splitKey, type Obj } from './runtime/resources';
import { goJSON, safeEncodeString } from './statefulset/revision-utils';

const SOURCE = { component: 'deployment-controller' };
const HASH = 'pod-template-hash';

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** pod-template-hash: FNV-1a of the template (kubelab hashes its JSON, not Go's spew dump), safe-encoded. */
export function podTemplateHash(template: Obj, collisionCount = 0): string {
  return safeEncodeString(String(fnv1a(goJSON(template) + (collisionCount ? String(collisionCount) : ''))));
}

function withoutHash(template: Obj): Obj {
  const t = deepClone(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[HASH];
  return t;
}

export class DeploymentController {
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
      this.client.watch(DEPLOYMENTS, { resourceVersion: '0' }, (e) => this.queue.add(keyOf(e.object))),
      this.client.watch(REPLICASETS, { resourceVersion: '0' }, (e) => {
        const ref = controllerRef(e.object);
        if (ref?.kind === 'Deployment') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
      }),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  private scale(d: KubeObject, rs: KubeObject, to: number): Promise<unknown> {
    const from = (rs.spec as Obj).replicas ?? 0;
    if (from === to) return Promise.resolve();
    return this.client
      .update(REPLICASETS, { ...rs, spec: { ...(rs.spec as Obj), replicas: to }, metadata: { ...rs.metadata, annotations: { ...(rs.metadata.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': String((d.spec as Obj).replicas) } } })
      .then(() => recordEvent(this.client, this.clock, d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, SOURCE));
  }

  private async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const d = await ignoreNotFound(this.client.get(DEPLOYMENTS, namespace, name));
    if (!d || d.metadata.deletionTimestamp) return;
    const spec = d.spec as Obj;
    const replicas: number = spec.replicas ?? 1;
    const sets = (await this.client.list(REPLICASETS, { namespace })).items.filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
    const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    let newRS = sets.find((rs) => deepEqual(withoutHash((rs.spec as Obj).template), withoutHash(spec.template)));
    const old = sets.filter((rs) => rs !== newRS);
    const maxRevision = Math.max(0, ...sets.map(revisionOf));
    if (!newRS) {
      const hash = podTemplateHash(spec.template);
      const template = deepClone(spec.template);
      template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH]: hash } };
      const selector = { ...spec.selector, matchLabels: { ...(spec.selector?.matchLabels ?? {}), [HASH]: hash } };
      const annotations = {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + scaledValueFromIntOrPercent(spec.strategy?.rollingUpdate?.maxSurge, replicas, true)),
        'deployment.kubernetes.io/revision': String(maxRevision + 1),
      };
      newRS = await this.client.create(REPLICASETS, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: `${name}-${hash}`, namespace, labels: template.metadata.labels, annotations, ownerReferences: [ownerRefTo(d)] },
        spec: { replicas: 0, minReadySeconds: spec.minReadySeconds ?? 0, selector, template },
      });
    } else if (revisionOf(newRS) < maxRevision) {
      newRS = await this.client.update(REPLICASETS, { ...newRS, metadata: { ...newRS.metadata, annotations: { ...newRS.metadata.annotations, 'deployment.kubernetes.io/revision': String(maxRevision + 1) } } });
    }
    const n = newRS!;
    const oldPods = old.reduce((s, rs) => s + ((rs.status as Obj)?.replicas ?? 0), 0);
    if (spec.strategy?.type === 'Recreate') {
      for (const rs of old) await this.scale(d, rs, 0);
      if (oldPods === 0) await this.scale(d, n, replicas);
    } else {
      let surge = scaledValueFromIntOrPercent(spec.strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
      let unavailable = scaledValueFromIntOrPercent(spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%', replicas, false);
      if (surge === 0 && unavailable === 0) unavailable = 1;
      const total = sets.reduce((s, rs) => s + ((rs.spec as Obj).replicas ?? 0), 0) - ((n.spec as Obj).replicas ?? 0) + ((n.spec as Obj).replicas ?? 0);
      const newWant = old.length === 0 ? replicas : Math.min(replicas, ((n.spec as Obj).replicas ?? 0) + Math.max(0, replicas + surge - total));
      await this.scale(d, n, newWant);
      const available = sets.reduce((s, rs) => s + ((rs.status as Obj)?.availableReplicas ?? 0), 0);
      let canDrop = Math.max(0, available - (replicas - unavailable));
      for (const rs of [...old].sort((a, b) => revisionOf(a) - revisionOf(b))) {
        const cur = (rs.spec as Obj).replicas ?? 0;
        const notReady = cur - ((rs.status as Obj)?.availableReplicas ?? 0);
        const drop = Math.min(cur, notReady + canDrop);
        if (drop > 0) {
          await this.scale(d, rs, cur - drop);
          canDrop -= Math.max(0, drop - notReady);
        }
      }
      void surge;
    }
    await this.writeStatus(d, n, old);
  }

  private async writeStatus(d: KubeObject, newRS: KubeObject, old: KubeObject[]): Promise<void> {
    const all = [newRS, ...old];
    const sum = (f: string) => all.reduce((s, rs) => s + (((rs.status as Obj)?.[f] as number) ?? 0), 0);
    const replicas: number = (d.spec as Obj).replicas ?? 1;
    const available = sum('availableReplicas');
    const updated = (newRS.status as Obj)?.replicas ?? 0;
    const now = toRFC3339(this.clock.now());
    const prev: Obj[] = ((d.status as Obj)?.conditions ?? []) as Obj[];
    const cond = (type: string, status: string, reason: string, message: string) => {
      const p = prev.find((c) => c.type === type);
      const same = p && p.status === status && p.reason === reason;
      return { lastTransitionTime: p && p.status === status ? p.lastTransitionTime : now, lastUpdateTime: same ? p.lastUpdateTime : now, message, reason, status, type };
    };
    const minAvailable = replicas - scaledValueFromIntOrPercent((d.spec as Obj).strategy?.rollingUpdate?.maxUnavailable ?? '25%', replicas, false);
    const done = updated === replicas && available === replicas && old.every((rs) => !((rs.status as Obj)?.replicas ?? 0));
    const status: Obj = {
      observedGeneration: d.metadata.generation,
      replicas: sum('replicas'),
      updatedReplicas: updated,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, sum('replicas') - available),
      conditions: [
        available >= minAvailable ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.') : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
        done ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`) : cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS.metadata.name}" is progressing.`),
      ],
    };
    for (const f of ['updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'replicas']) if (!status[f]) delete status[f];
    const fresh = await ignoreNotFound(this.client.get(DEPLOYMENTS, d.metadata.namespace, d.metadata.name!));
    if (fresh && !deepEqual(fresh.status, status)) await this.client.updateStatus(DEPLOYMENTS, { ...fresh, status });
  }
}
