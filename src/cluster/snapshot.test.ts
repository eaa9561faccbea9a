import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { createCluster, type Cluster } from './cluster';
import type { KubeObject } from './api/types';
import { PODS, PVCS, PVS, STATEFULSETS, SERVICES, type Obj } from './controllers/runtime/resources';
import { MemoryVolumeBackend } from './storage/volume-backend';
import { runFor, runUntil } from './testing/drive';
import { headlessService, statefulSet } from './testing/fixtures';
import type { ClusterSnapshot } from './snapshot';

const settle = () => new Promise<void>((r) => setImmediate(r));

async function visible(cluster: Cluster): Promise<string[]> {
  const { client } = cluster;
  const rows: string[] = [];
  for (const type of [PODS, PVCS, PVS, STATEFULSETS]) {
    for (const o of (await client.list(type, {})).items) rows.push(JSON.stringify(o));
  }
  return rows;
}

async function runningSet(replicas: number) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const volumes = new MemoryVolumeBackend(() => clock.now());
  const cluster = createCluster({ seed: 7, clock, storage: volumes });
  await cluster.client.create(SERVICES, headlessService());
  await cluster.client.create(STATEFULSETS, statefulSet({ replicas }));
  await readyReplicas(cluster, clock, replicas);
  return { clock, volumes, cluster };
}

function readyReplicas(cluster: Cluster, clock: VirtualClock, n: number) {
  return runUntil(clock, async () => {
    const s = (await cluster.client.get(STATEFULSETS, 'default', 'web')).status as Obj;
    return s?.readyReplicas === n && s?.replicas === n;
  }, settle);
}

/** Through JSON, as browser storage keeps it. */
const saved = (c: Cluster): ClusterSnapshot => JSON.parse(JSON.stringify(c.snapshot!()));

describe('cluster snapshot and restore', () => {
  it('restores pods, PVCs, PVs and StatefulSets exactly as they were (same uids and resourceVersions)', async () => {
    const { cluster, volumes } = await runningSet(2);
    const before = await visible(cluster);
    const snapshot = saved(cluster);
    cluster.stop();
    const clock = new VirtualClock(snapshot.clockTime);
    const restored = createCluster({ seed: 99, clock, storage: volumes, restore: snapshot });
    expect(await visible(restored)).toEqual(before);
    expect((await restored.client.list(PODS, {})).metadata.resourceVersion).toBe(snapshot.resourceVersion);
    // Resyncing controllers and kubelets find nothing to change.
    await runFor(clock, 30_000, settle);
    expect(await visible(restored)).toEqual(before);
  });

  it('does not bootstrap again: nodes and system objects keep their uids', async () => {
    const { cluster } = await runningSet(1);
    const nodes = (await cluster.client.list({ group: '', version: 'v1', resource: 'nodes' }, {})).items.map((n) => n.metadata.uid);
    const restored = createCluster({ seed: 1, clock: new VirtualClock(Date.UTC(2026, 0, 2)), restore: saved(cluster) });
    const after = (await restored.client.list({ group: '', version: 'v1', resource: 'nodes' }, {})).items.map((n) => n.metadata.uid);
    expect(after).toEqual(nodes);
  });

  it('continues resourceVersions after the saved counter and the random sequence where it stopped', async () => {
    const { cluster } = await runningSet(1);
    const snapshot = saved(cluster);
    const next = cluster.random.uid();
    const restored = createCluster({ seed: 1, clock: new VirtualClock(snapshot.clockTime), restore: snapshot });
    expect(restored.random.uid()).toBe(next);
    const svc = await restored.client.create(SERVICES, headlessService('other', 'other'));
    expect(Number(svc.metadata.resourceVersion)).toBe(Number(snapshot.resourceVersion) + 1);
  });

  it('keeps reconciling after a restore: scaling up adds a pod with its own claim', async () => {
    const { cluster, volumes } = await runningSet(2);
    const snapshot = saved(cluster);
    cluster.stop();
    const clock = new VirtualClock(snapshot.clockTime + 60_000);
    const restored = createCluster({ seed: 3, clock, storage: volumes, restore: snapshot });
    const set = await restored.client.get(STATEFULSETS, 'default', 'web');
    await restored.client.update(STATEFULSETS, { ...set, spec: { ...(set.spec as Obj), replicas: 3 } } as KubeObject);
    await readyReplicas(restored, clock, 3);
    const pods = (await restored.client.list(PODS, { namespace: 'default' })).items;
    expect(pods.map((p) => `${p.metadata.name} ${(p.status as Obj).phase}`)).toEqual(['web-0 Running', 'web-1 Running', 'web-2 Running']);
    const claims = (await restored.client.list(PVCS, { namespace: 'default' })).items;
    expect(claims.map((c) => `${c.metadata.name} ${(c.status as Obj).phase}`)).toEqual(['www-web-0 Bound', 'www-web-1 Bound', 'www-web-2 Bound']);
  });

  it('gives running containers their volume files back, so exec sees what was written', async () => {
    const { cluster, volumes } = await runningSet(1);
    const pod = await cluster.client.get(PODS, 'default', 'web-0');
    cluster.runtime!.get(pod.metadata.uid!, 'nginx')!.fs.writeFile('/usr/share/nginx/html/index.html', 'web-0\n');
    const snapshot = saved(cluster);
    cluster.stop();
    const clock = new VirtualClock(snapshot.clockTime);
    const restored = createCluster({ seed: 5, clock, storage: volumes, restore: snapshot });
    await runFor(clock, 1000, settle);
    const container = restored.runtime!.get(pod.metadata.uid!, 'nginx');
    expect(container?.fs.readFile('/usr/share/nginx/html/index.html')).toBe('web-0\n');
    // Its node still has the image: a new pod there finds it "already present".
    const node = restored.kubelets.find((k) => k.node.name === (pod.spec as Obj).nodeName)!;
    expect(node.images.has('registry.k8s.io/nginx-slim:0.8')).toBe(true);
  });

  it('starts again a pod that was half-created when saved', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const cluster = createCluster({ seed: 7, clock });
    await cluster.client.create(SERVICES, headlessService());
    await cluster.client.create(STATEFULSETS, statefulSet({ replicas: 1 }));
    await runUntil(clock, async () => {
      const pods = (await cluster.client.list(PODS, { namespace: 'default' })).items;
      return pods.some((p) => (p.status as Obj)?.containerStatuses);
    }, settle);
    const snapshot = saved(cluster);
    expect((snapshot.objects.find((o) => o.object.metadata.name === 'web-0')!.object.status as Obj).phase).toBe('Pending');
    cluster.stop();
    const next = new VirtualClock(snapshot.clockTime);
    const restored = createCluster({ seed: 7, clock: next, restore: snapshot });
    await readyReplicas(restored, next, 1);
    expect(((await restored.client.get(PODS, 'default', 'web-0')).status as Obj).phase).toBe('Running');
  });
});
