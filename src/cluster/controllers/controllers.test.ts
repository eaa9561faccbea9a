import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { createCluster } from '../cluster';
import type { KubeObject } from '../api/types';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const CM = { group: '', version: 'v1', resource: 'configmaps' };
const NS = { group: '', version: 'v1', resource: 'namespaces' };

async function ownerAndDependents() {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const cluster = createCluster({ seed: 9, clock });
  const { client } = cluster;
  const owner = await client.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
  for (const name of ['dep-1', 'dep-2'])
    await client.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ownerReferences: [ref] } } as KubeObject);
  await flush();
  const names = async () => (await client.list(CM, { namespace: 'default' })).items.map((i) => i.metadata.name).filter((n) => n !== 'kube-root-ca.crt');
  return { client, clock, names };
}

describe('garbage collector', () => {
  it('deletes dependents after a Background delete', async () => {
    const { client, names } = await ownerAndDependents();
    await client.delete(CM, 'default', 'owner', { propagationPolicy: 'Background' });
    await flush();
    expect(await names()).toEqual([]);
  });

  it('removes owner references on Orphan and then lets the owner go', async () => {
    const { client, names } = await ownerAndDependents();
    const deleting = await client.delete(CM, 'default', 'owner', { propagationPolicy: 'Orphan' });
    expect(deleting.metadata.finalizers).toEqual(['orphan']);
    expect(deleting.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    await flush();
    expect(await names()).toEqual(['dep-1', 'dep-2']);
    expect((await client.get(CM, 'default', 'dep-1')).metadata.ownerReferences).toBeUndefined();
  });

  it('deletes dependents first on Foreground, holding the owner with foregroundDeletion', async () => {
    const { client, names } = await ownerAndDependents();
    const deleting = await client.delete(CM, 'default', 'owner', { propagationPolicy: 'Foreground' });
    expect(deleting.metadata.finalizers).toEqual(['foregroundDeletion']);
    await flush();
    expect(await names()).toEqual([]);
  });

  it('keeps an object with a finalizer until the finalizer is removed', async () => {
    const { client } = await ownerAndDependents();
    await client.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['example.com/hold'] } });
    const deleting = await client.delete(CM, 'default', 'held');
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    const removed = await client.patch(CM, 'default', 'held', 'merge', { metadata: { finalizers: null } });
    expect(removed.metadata.name).toBe('held');
    await expect(client.get(CM, 'default', 'held')).rejects.toThrow('configmaps "held" not found');
  });
});

describe('namespace deletion', () => {
  it('goes Terminating, removes the contents, then the namespace', async () => {
    const { client, clock } = await ownerAndDependents();
    await client.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    await flush();
    expect((await client.list({ group: '', version: 'v1', resource: 'serviceaccounts' }, { namespace: 'lab' })).items.map((i) => i.metadata.name)).toEqual(['default']);
    await client.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'lab' } });
    const terminating = (await client.delete(NS, undefined, 'lab')) as any;
    expect(terminating.status.phase).toBe('Terminating');
    await expect(client.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y', namespace: 'lab' } })).rejects.toThrow(
      'configmaps "y" is forbidden: unable to create new content in namespace lab because it is being terminated',
    );
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      await flush();
    }
    await expect(client.get(NS, undefined, 'lab')).rejects.toThrow('namespaces "lab" not found');
    expect((await client.list(CM, { namespace: 'lab' })).items).toEqual([]);
  });
});

describe('pod graceful deletion', () => {
  it('deletes pods at once without a kubelet, and holds them for one when registered', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const cluster = createCluster({ seed: 1, clock });
    const POD = { group: '', version: 'v1', resource: 'pods' };
    const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName: 'k8s-worker01', containers: [{ name: 'c', image: 'nginx' }] } });
    cluster.stop(); // no kubelets: the API server alone
    await cluster.client.create(POD, pod('a'));
    await cluster.client.delete(POD, 'default', 'a');
    await expect(cluster.client.get(POD, 'default', 'a')).rejects.toThrow('pods "a" not found');

    const terminating: string[] = [];
    cluster.server.setPodTerminationHandler((p) => terminating.push(p.metadata.name!));
    await cluster.client.create(POD, pod('b'));
    const held = await cluster.client.delete(POD, 'default', 'b');
    expect([held.metadata.deletionTimestamp, held.metadata.deletionGracePeriodSeconds]).toEqual(['2026-01-01T00:00:30Z', 30]);
    await flush();
    expect(terminating).toEqual(['b']);
    await cluster.client.delete(POD, 'default', 'b', { gracePeriodSeconds: 0 });
    await expect(cluster.client.get(POD, 'default', 'b')).rejects.toThrow('pods "b" not found');
  });
});
