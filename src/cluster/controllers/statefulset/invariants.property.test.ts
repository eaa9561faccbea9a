/**
 * Property tests of the StatefulSet controller: random sequences of scale, pod deletion, image
 * update and readiness flips, under OrderedReady and Parallel, watched event by event.
 *
 * The guarantees checked are the ones pkg/controller/statefulset gives (k8s-behavior.md §1.4–1.6),
 * judged on the store's state at the event that shows the controller's action:
 * - OrderedReady creation: the controller creates pod k only when every pod of lower ordinal
 *   exists, is Running and Ready and is not terminating. (A lower pod may fail or be deleted
 *   afterwards; the real controller then stops creating, it does not remove pod k.)
 * - OrderedReady scale-down: it starts terminating a condemned pod k only when no pod of higher
 *   ordinal exists any more (successors completely shut down).
 * - OrderedReady rolling update: it deletes an in-range pod for an update only while every
 *   in-range pod exists, is Running and Ready and not terminating.
 * - Both policies: pod names, ordinals, pod-index labels and hostnames agree, each ordinal has at
 *   most one pod; under whenScaled/whenDeleted Retain no claim is ever deleted; once the actions
 *   stop and the failing probes heal, the set converges to its spec.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject, WatchEvent } from '../../api/types';
import { harness, type Harness } from '../../testing/harness';
import { headlessService, statefulSet } from '../../testing/fixtures';
import { PODS, PVCS, SERVICES, STATEFULSETS, type Obj } from '../runtime/resources';

const settle = () => new Promise<void>((r) => setImmediate(r));
const WEB_ROOT_INDEX = '/usr/share/nginx/html/index.html';
const TAGS = ['nginx:1.25', 'nginx:1.26', 'nginx:1.27'];
const MAX_REPLICAS = 5;

type Action =
  | { kind: 'scale'; replicas: number }
  | { kind: 'delete-pod'; ordinal: number }
  | { kind: 'image'; tag: string }
  | { kind: 'unready'; ordinal: number }
  | { kind: 'ready'; ordinal: number };

const actionArb: fc.Arbitrary<[Action, number]> = fc.tuple(
  fc.oneof(
    fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: MAX_REPLICAS }) }),
    fc.record({ kind: fc.constant('delete-pod' as const), ordinal: fc.integer({ min: 0, max: MAX_REPLICAS - 1 }) }),
    fc.record({ kind: fc.constant('image' as const), tag: fc.constantFrom(...TAGS) }),
    fc.record({ kind: fc.constant('unready' as const), ordinal: fc.integer({ min: 0, max: MAX_REPLICAS - 1 }) }),
    fc.record({ kind: fc.constant('ready' as const), ordinal: fc.integer({ min: 0, max: MAX_REPLICAS - 1 }) }),
  ),
  // Simulated milliseconds the actor waits after the action.
  fc.integer({ min: 0, max: 8_000 }),
);

/** The set under test: its PVC is mounted away from nginx's web root, whose index.html the readiness probe fetches. */
function manifest(policy: 'OrderedReady' | 'Parallel', replicas: number): KubeObject {
  const sts = statefulSet({ replicas, policy, image: TAGS[0] });
  const container = (sts.spec as Obj).template.spec.containers[0];
  container.volumeMounts = [{ name: 'www', mountPath: '/data' }];
  container.readinessProbe = { httpGet: { path: '/index.html', port: 80 }, periodSeconds: 1, failureThreshold: 1 };
  return sts;
}

const ordinalOf = (pod: KubeObject): number => Number(/^web-(\d+)$/.exec(pod.metadata.name!)?.[1] ?? NaN);
const terminating = (pod: KubeObject): boolean => Boolean(pod.metadata.deletionTimestamp);
const runningAndReady = (pod: KubeObject | undefined): boolean =>
  !!pod &&
  (pod.status as Obj)?.phase === 'Running' &&
  ((pod.status as Obj)?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True') &&
  !terminating(pod);

/** Watches pods and claims, mirrors them in store order, and records every broken guarantee. */
class Observer {
  readonly pods = new Map<string, KubeObject>();
  readonly violations: string[] = [];
  /** Pods the actor deleted, by uid: their termination is not the controller's. */
  readonly deletedByActor = new Set<string>();
  replicas: number;
  private stops: Array<() => void> = [];

  constructor(
    h: Harness,
    private ordered: boolean,
    replicas: number,
  ) {
    this.replicas = replicas;
    const { client } = h.cluster;
    this.stops.push(client.watch(PODS, { namespace: 'default' }, (e) => this.onPod(e)));
    this.stops.push(
      client.watch(PVCS, { namespace: 'default' }, (e) => {
        if (e.type === 'DELETED' || e.object.metadata.deletionTimestamp) this.violations.push(`claim ${e.object.metadata.name} deleted under Retain`);
      }),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object;
    const name = pod.metadata.name!;
    const before = this.pods.get(name);
    if (e.type === 'DELETED') this.pods.delete(name);
    else this.pods.set(name, pod);
    this.checkIdentity(pod);
    if (!this.ordered) return;
    const k = ordinalOf(pod);
    if (e.type === 'ADDED') {
      for (let j = 0; j < k; j++) {
        if (!runningAndReady(this.pods.get(`web-${j}`))) this.violations.push(`web-${k} created while web-${j} is not Running and Ready`);
      }
    }
    const startsTerminating = e.type !== 'DELETED' && terminating(pod) && !(before && terminating(before));
    if (startsTerminating && !this.deletedByActor.has(pod.metadata.uid!)) {
      if (k >= this.replicas) {
        for (const other of this.pods.values()) {
          if (ordinalOf(other) > k) this.violations.push(`condemned web-${k} terminated while ${other.metadata.name} exists`);
        }
      } else {
        for (let j = 0; j < this.replicas; j++) {
          const p = this.pods.get(`web-${j}`);
          if (j !== k && !runningAndReady(p)) this.violations.push(`web-${k} deleted for update while web-${j} is not Running and Ready`);
        }
      }
    }
  }

  private checkIdentity(pod: KubeObject): void {
    const k = ordinalOf(pod);
    const spec = pod.spec as Obj;
    const labels = pod.metadata.labels ?? {};
    if (!Number.isInteger(k)) this.violations.push(`pod ${pod.metadata.name} has no ordinal`);
    if (labels['apps.kubernetes.io/pod-index'] !== String(k)) this.violations.push(`${pod.metadata.name} has pod-index ${labels['apps.kubernetes.io/pod-index']}`);
    if (labels['statefulset.kubernetes.io/pod-name'] !== pod.metadata.name) this.violations.push(`${pod.metadata.name} has the wrong pod-name label`);
    if (spec.hostname !== pod.metadata.name || spec.subdomain !== 'nginx') this.violations.push(`${pod.metadata.name} has hostname ${spec.hostname}.${spec.subdomain}`);
    const owners = (pod.metadata.ownerReferences ?? []).filter((o) => o.controller);
    if (owners.length !== 1 || owners[0].kind !== 'StatefulSet') this.violations.push(`${pod.metadata.name} is not controlled by its StatefulSet`);
  }
}

async function act(h: Harness, observer: Observer, action: Action): Promise<void> {
  const { client, runtime } = h.cluster;
  const pod = observer.pods.get(`web-${'ordinal' in action ? action.ordinal : 0}`);
  switch (action.kind) {
    case 'scale':
      observer.replicas = action.replicas;
      await client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { replicas: action.replicas } });
      return;
    case 'image':
      await client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: action.tag }] } } } });
      return;
    case 'delete-pod':
      if (!pod || terminating(pod)) return;
      observer.deletedByActor.add(pod.metadata.uid!);
      await client.delete(PODS, 'default', pod.metadata.name!).catch(() => undefined);
      return;
    case 'unready':
    case 'ready': {
      // The readiness probe fetches index.html; taking it away fails the probe, putting it back heals it.
      const fs = pod && runtime?.get(pod.metadata.uid!, 'nginx')?.fs;
      if (!fs) return;
      if (action.kind === 'unready') {
        if (fs.exists(WEB_ROOT_INDEX)) fs.rm(WEB_ROOT_INDEX);
      }
      else fs.writeFile(WEB_ROOT_INDEX, 'ok\n');
    }
  }
}

async function healAll(h: Harness): Promise<void> {
  for (const pod of await h.pods()) {
    const fs = h.cluster.runtime?.get(pod.metadata.uid!, 'nginx')?.fs;
    if (fs) fs.writeFile(WEB_ROOT_INDEX, 'ok\n');
  }
}

async function converged(h: Harness, replicas: number): Promise<boolean> {
  const sts = await h.set();
  const status = (sts.status ?? {}) as Obj;
  const pods = await h.pods();
  const names = pods.map((p) => p.metadata.name).sort();
  const expected = Array.from({ length: replicas }, (_, i) => `web-${i}`).sort();
  return (
    status.observedGeneration === sts.metadata.generation &&
    status.replicas === replicas &&
    (status.readyReplicas ?? 0) === replicas &&
    (status.updatedReplicas ?? 0) === replicas &&
    status.currentRevision === status.updateRevision &&
    JSON.stringify(names) === JSON.stringify(expected) &&
    pods.every(
      (p) =>
        runningAndReady(p) &&
        p.metadata.labels?.['controller-revision-hash'] === status.updateRevision &&
        // A recreated pod mounts the same claim as the one it replaced.
        ((p.spec as Obj).volumes ?? []).some((v: Obj) => v.persistentVolumeClaim?.claimName === `www-${p.metadata.name}`),
    )
  );
}

function property(policy: 'OrderedReady' | 'Parallel') {
  return fc.asyncProperty(fc.integer({ min: 0, max: 3 }), fc.array(actionArb, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 1000 }), async (initial, actions, seed) => {
    const h = harness(settle, seed);
    const observer = new Observer(h, policy === 'OrderedReady', initial);
    try {
      await h.cluster.client.create(SERVICES, headlessService());
      await h.cluster.client.create(STATEFULSETS, manifest(policy, initial));
      await h.run(5_000);
      for (const [action, waitMs] of actions) {
        await act(h, observer, action);
        await h.run(waitMs);
      }
      await healAll(h);
      const took = await h.until(() => converged(h, observer.replicas), 900_000);
      expect(observer.violations).toEqual([]);
      expect(took, `did not converge to ${observer.replicas} replicas`).toBeGreaterThanOrEqual(0);
      const claims = await h.claims();
      for (let i = 0; i < observer.replicas; i++) expect(claims).toContain(`www-web-${i}`);
    } finally {
      observer.stop();
      h.cluster.stop();
    }
  });
}

describe('StatefulSet controller invariants under random scale, pod deletion, image updates and readiness flips', () => {
  it('OrderedReady: creates and deletes in order, never deletes a claim, and converges', async () => {
    await fc.assert(property('OrderedReady'), { numRuns: 100, seed: 1 });
  }, 120_000);

  it('Parallel: keeps identities unique, never deletes a claim, and converges', async () => {
    await fc.assert(property('Parallel'), { numRuns: 100, seed: 2 });
  }, 120_000);
});
