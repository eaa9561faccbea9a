import { describe, expect, it } from 'vitest';
import { harness } from '../testing/harness';
import { headlessService, statefulSet } from '../testing/fixtures';
import { DEPLOYMENTS, ENDPOINTS, PODS, REPLICASETS, SERVICES, STATEFULSETS, type Obj } from './runtime/resources';

const settle = () => new Promise<void>((r) => setImmediate(r));

describe('endpoints controller', () => {
  it('lists ready pods with hostnames and keeps unready ones under notReadyAddresses', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(SERVICES, headlessService());
    await client.create(STATEFULSETS, statefulSet({ replicas: 2 }));
    await h.readyReplicas(2);
    const ep = await client.get(ENDPOINTS, 'default', 'nginx');
    const pods = await h.pods();
    const subsets = ep.subsets as Obj[];
    expect(subsets.map((s) => (s.addresses as Obj[]).map((a) => `${a.hostname} ${a.ip} ${a.targetRef.name}`))).toEqual([
      pods.map((p) => `${p.metadata.name} ${(p.status as Obj).podIP} ${p.metadata.name}`),
    ]);
    expect(subsets[0].ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }]);
    expect(ep.metadata.labels).toEqual({ app: 'nginx', 'service.kubernetes.io/headless': '' });
    await client.delete(PODS, 'default', 'web-1');
    await h.run(500);
    const during = (await client.get(ENDPOINTS, 'default', 'nginx')).subsets as Obj[];
    expect(during.flatMap((s) => (s.addresses ?? []).map((a: Obj) => a.hostname))).toEqual(['web-0']);
  });
});

describe('deployment and replicaset controllers', () => {
  it('runs a Deployment through a ReplicaSet named <deploy>-<hash> with pods <rs>-<5 chars>', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'front' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'front' } }, template: { metadata: { labels: { app: 'front' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
    });
    await h.until(async () => ((await client.get(DEPLOYMENTS, 'default', 'front')).status as Obj)?.availableReplicas === 3, 60_000);
    const rs = (await client.list(REPLICASETS, { namespace: 'default' })).items;
    expect(rs.map((r) => r.metadata.name)).toEqual([expect.stringMatching(/^front-[bcdfghjklmnpqrstvwxz2456789]+$/)]);
    const names = (await h.pods()).map((p) => p.metadata.name);
    expect(names).toHaveLength(3);
    for (const n of names) expect(n).toMatch(new RegExp(`^${rs[0].metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(await h.events('front')).toEqual([`Normal ScalingReplicaSet Scaled up replica set ${rs[0].metadata.name} from 0 to 3`]);
    await client.patch(DEPLOYMENTS, 'default', 'front', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
    await h.run(60_000);
    const images = (await h.pods()).filter((p) => !p.metadata.deletionTimestamp).map((p) => (p.spec as Obj).containers[0].image);
    expect(images).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    const status = (await client.get(DEPLOYMENTS, 'default', 'front')).status as Obj;
    expect([status.replicas, status.updatedReplicas, status.availableReplicas]).toEqual([3, 3, 3]);
  });
});
