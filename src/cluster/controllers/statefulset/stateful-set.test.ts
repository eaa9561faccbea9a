import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { harness, type Harness } from '../../testing/harness';
import { runChecking } from '../../testing/drive';
import { headlessService, statefulSet } from '../../testing/fixtures';
import { podSummary } from '../../testing/pod-summary';
import { CONTROLLER_REVISIONS, PODS, PVCS, SERVICES, STATEFULSETS, isPodReady, type Obj } from '../runtime/resources';
import { getOrdinal, getPodRevision } from './stateful-set-utils';

const settle = () => new Promise<void>((r) => setImmediate(r));

async function start(options: Parameters<typeof statefulSet>[0] = {}): Promise<Harness> {
  const h = harness(settle);
  await h.cluster.client.create(SERVICES, headlessService());
  await h.cluster.client.create(STATEFULSETS, statefulSet(options));
  return h;
}

/** OrderedReady: no pod exists while a lower ordinal is not Running and Ready; ordinals are unique. */
async function checkOrdered(h: Harness): Promise<void> {
  const pods = (await h.pods()).filter((p) => p.metadata.labels?.app === 'nginx');
  const ordinals = pods.map(getOrdinal);
  expect(new Set(ordinals).size).toBe(ordinals.length);
  const replicas = ((await h.set()).spec as Obj).replicas as number;
  for (const pod of pods) {
    const ord = getOrdinal(pod);
    if (ord >= replicas) continue;
    for (const lower of pods) {
      if (getOrdinal(lower) < ord && !pod.metadata.deletionTimestamp && !((lower.status as Obj)?.phase === 'Running' && isPodReady(lower))) {
        // A lower pod may only be unready if it was recreated after this one.
        expect(Date.parse(lower.metadata.creationTimestamp!)).toBeGreaterThanOrEqual(Date.parse(pod.metadata.creationTimestamp!));
      }
    }
  }
}

const images = async (h: Harness) => (await h.pods()).map((p) => `${p.metadata.name}=${(p.spec as Obj).containers[0].image}`);

describe('StatefulSet controller', () => {
  it('creates 3 pods one at a time with their claims, events and settled status', async () => {
    const h = await start();
    await runChecking(h.clock, 40_000, settle, () => checkOrdered(h));
    expect(await h.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(await h.claims()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    const set = await h.set();
    const status = set.status as Obj;
    expect(status).toEqual({
      availableReplicas: 3, collisionCount: 0, currentReplicas: 3, currentRevision: status.updateRevision, observedGeneration: 1,
      readyReplicas: 3, replicas: 3, updateRevision: status.updateRevision, updatedReplicas: 3,
    });
    expect(status.updateRevision).toMatch(/^web-[456789bcdf]{1,10}$/);
    const pod = (await h.pods())[1];
    expect(pod.metadata.labels).toEqual({ app: 'nginx', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': status.updateRevision, 'statefulset.kubernetes.io/pod-name': 'web-1' });
    expect([(pod.spec as Obj).hostname, (pod.spec as Obj).subdomain, pod.metadata.generateName]).toEqual(['web-1', 'nginx', 'web-']);
    expect((await h.events('web')).slice(0, 4)).toEqual([
      'Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('reaches 3/3 Ready within 20 simulated seconds', async () => {
    const h = await start();
    const took = await h.readyReplicas(3);
    expect(took).toBeGreaterThan(0);
    expect(took).toBeLessThan(20_000);
  });

  it('scales 3 → 5 in order and 5 → 2 from the highest ordinal, keeping every claim', async () => {
    const h = await start();
    await h.readyReplicas(3);
    const { client } = h.cluster;
    await client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { replicas: 5 } });
    await runChecking(h.clock, 40_000, settle, () => checkOrdered(h));
    expect(await h.podNames()).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
    const deletions: string[] = [];
    const stop = client.watch(PODS, { namespace: 'default' }, (e) => e.type === 'DELETED' && deletions.push(e.object.metadata.name!));
    await client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { replicas: 2 } });
    let terminatingAtOnce = 0;
    await runChecking(h.clock, 60_000, settle, async () => {
      terminatingAtOnce = Math.max(terminatingAtOnce, (await h.pods()).filter((p) => p.metadata.deletionTimestamp).length);
    });
    stop();
    expect(deletions).toEqual(['web-4', 'web-3', 'web-2']);
    expect(terminatingAtOnce).toBe(1);
    expect(await h.podNames()).toEqual(['web-0', 'web-1']);
    expect(await h.claims()).toEqual(['www-web-0', 'www-web-1', 'www-web-2', 'www-web-3', 'www-web-4']);
  });

  it('recreates a deleted pod with the same name and claim, a new uid and a new IP', async () => {
    const h = await start();
    await h.readyReplicas(3);
    const { client } = h.cluster;
    const before = await client.get(PODS, 'default', 'web-1');
    const rows: string[] = [];
    client.watch(PODS, { namespace: 'default', fieldSelector: 'metadata.name=web-1' }, (e) => rows.push(podSummary(e.object)));
    await client.delete(PODS, 'default', 'web-1');
    await h.run(30_000);
    const after = await client.get(PODS, 'default', 'web-1');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect((after.status as Obj).podIP).not.toBe((before.status as Obj).podIP);
    expect((after.spec as Obj).volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect(rows).toEqual([
      'web-1 1/1 Terminating 0', 'web-1 0/1 Terminating 0', 'web-1 0/1 Terminating 0', 'web-1 0/1 Terminating 0',
      'web-1 0/1 Pending 0', 'web-1 0/1 Pending 0', 'web-1 0/1 ContainerCreating 0', 'web-1 1/1 Running 0',
    ]);
  });

  it('rolls an image update in reverse ordinal order, one pod at a time', async () => {
    const h = await start();
    await h.readyReplicas(3);
    const { client } = h.cluster;
    const order: string[] = [];
    client.watch(PODS, { namespace: 'default' }, (e) => e.type === 'DELETED' && order.push(e.object.metadata.name!));
    await client.patch(STATEFULSETS, 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.k8s.io/nginx-slim:0.24' }]);
    await h.readyReplicas(3);
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    expect(await images(h)).toEqual(['web-0=registry.k8s.io/nginx-slim:0.24', 'web-1=registry.k8s.io/nginx-slim:0.24', 'web-2=registry.k8s.io/nginx-slim:0.24']);
    const revisions = (await client.list(CONTROLLER_REVISIONS, { namespace: 'default' })).items.map((r) => r.revision);
    expect(revisions.sort()).toEqual([1, 2]);
  });

  it('updates only ordinals at or above the partition (canary)', async () => {
    const h = await start({ spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } } });
    await h.readyReplicas(3);
    await h.cluster.client.patch(STATEFULSETS, 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.25' }]);
    await h.run(60_000);
    expect(await images(h)).toEqual(['web-0=registry.k8s.io/nginx-slim:0.8', 'web-1=registry.k8s.io/nginx-slim:0.8', 'web-2=nginx:1.25']);
    const s = (await h.set()).status as Obj;
    expect([s.currentReplicas, s.updatedReplicas, s.currentRevision === s.updateRevision]).toEqual([2, 1, false]);
  });

  it('OnDelete leaves pods alone until they are deleted', async () => {
    const h = await start({ spec: { updateStrategy: { type: 'OnDelete' } } });
    await h.readyReplicas(3);
    const { client } = h.cluster;
    await client.patch(STATEFULSETS, 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.25' }]);
    await h.run(30_000);
    expect((await images(h)).every((i) => i.endsWith('nginx-slim:0.8'))).toBe(true);
    await client.delete(PODS, 'default', 'web-0');
    await h.run(30_000);
    expect(await images(h)).toEqual(['web-0=nginx:1.25', 'web-1=registry.k8s.io/nginx-slim:0.8', 'web-2=registry.k8s.io/nginx-slim:0.8']);
  });

  it('a bad image blocks the rollout at web-2, and reverting does not unstick it until the pod is deleted', async () => {
    const h = await start();
    await h.readyReplicas(3);
    const { client } = h.cluster;
    const setImage = (image: string) => client.patch(STATEFULSETS, 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: image }]);
    await setImage('nginx:1.999');
    await h.run(60_000);
    const summaries = async () => (await h.pods()).map(podSummary);
    expect((await summaries()).slice(0, 2)).toEqual(['web-0 1/1 Running 0', 'web-1 1/1 Running 0']);
    expect((await summaries())[2]).toMatch(/^web-2 0\/1 (ErrImagePull|ImagePullBackOff) 0$/);
    const events = await h.events('web-2');
    expect(events).toContain(
      'Warning Failed Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    );
    expect(events).toContain('Normal BackOff Back-off pulling image "nginx:1.999"');
    await setImage('registry.k8s.io/nginx-slim:0.8');
    await h.run(60_000);
    expect((await summaries())[2]).toMatch(/^web-2 0\/1 (ErrImagePull|ImagePullBackOff) 0$/);
    await client.delete(PODS, 'default', 'web-2');
    await h.readyReplicas(3);
    expect(await images(h)).toEqual(['web-0=registry.k8s.io/nginx-slim:0.8', 'web-1=registry.k8s.io/nginx-slim:0.8', 'web-2=registry.k8s.io/nginx-slim:0.8']);
  });

  it('Parallel creates all pods at once and a deleted set leaves its claims (Retain)', async () => {
    const h = await start({ policy: 'Parallel' });
    await h.run(1000);
    expect(await h.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    await h.readyReplicas(3);
    await h.cluster.client.delete(STATEFULSETS, 'default', 'web');
    await h.run(30_000);
    expect(await h.podNames()).toEqual([]);
    const claims = (await h.cluster.client.list(PVCS, { namespace: 'default' })).items as KubeObject[];
    expect(claims.map((c) => `${c.metadata.name} ${(c.status as Obj).phase}`)).toEqual(['www-web-0 Bound', 'www-web-1 Bound', 'www-web-2 Bound']);
  });

  it('whenDeleted: Delete gives the claims to the set, so they go with it', async () => {
    const h = await start({ spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } } });
    await h.readyReplicas(3);
    const claim = await h.cluster.client.get(PVCS, 'default', 'www-web-0');
    expect(claim.metadata.ownerReferences?.map((r) => `${r.kind}/${r.name}`)).toEqual(['StatefulSet/web']);
    await h.cluster.client.delete(STATEFULSETS, 'default', 'web');
    await h.run(60_000);
    expect(await h.claims()).toEqual([]);
  });

  it('pods record the revision they were created from', async () => {
    const h = await start({ replicas: 1 });
    await h.readyReplicas(1);
    const pod = (await h.pods())[0];
    expect(getPodRevision(pod)).toBe(((await h.set()).status as Obj).updateRevision);
  });
});
