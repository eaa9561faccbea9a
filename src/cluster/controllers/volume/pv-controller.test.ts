import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { harness } from '../../testing/harness';
import { PODS, PVCS, PVS, STORAGE_CLASSES, type Obj } from '../runtime/resources';

const settle = () => new Promise<void>((r) => setImmediate(r));
const claim = (name: string, storageClassName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...(storageClassName !== undefined ? { storageClassName } : {}) },
});
const phase = (o: KubeObject) => (o.status as Obj).phase;

describe('persistentvolume controller', () => {
  it('provisions an Immediate class at once and binds both sides', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(STORAGE_CLASSES, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'example.com/disk', reclaimPolicy: 'Retain' });
    const created = await client.create(PVCS, claim('data', 'fast'));
    await h.run(3000);
    const pvc = await client.get(PVCS, 'default', 'data');
    expect(phase(pvc)).toBe('Bound');
    expect((pvc.spec as Obj).volumeName).toBe(`pvc-${created.metadata.uid}`);
    expect(pvc.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', 'volume.kubernetes.io/storage-provisioner': 'example.com/disk' });
    const pv = await client.get(PVS, undefined, `pvc-${created.metadata.uid}`);
    expect([phase(pv), (pv.spec as Obj).persistentVolumeReclaimPolicy, (pv.spec as Obj).claimRef.name]).toEqual(['Bound', 'Retain', 'data']);
    expect(await h.events('data')).toEqual([
      "Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'example.com/disk' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Normal Provisioning External provisioner is provisioning volume for claim "default/data"',
      `Normal ProvisioningSucceeded Successfully provisioned volume pvc-${created.metadata.uid}`,
    ]);
    // Retain: deleting the claim leaves the volume Released.
    await client.delete(PVCS, 'default', 'data');
    await h.run(2000);
    expect(phase(await client.get(PVS, undefined, pv.metadata.name!))).toBe('Released');
  });

  it('waits for a first consumer under WaitForFirstConsumer', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PVCS, claim('data'));
    await h.run(3000);
    expect(phase(await h.cluster.client.get(PVCS, 'default', 'data'))).toBe('Pending');
    expect(await h.events('data')).toEqual(['Normal WaitForFirstConsumer waiting for first consumer to be created before binding']);
  });

  it('binds a static volume that fits and marks new volumes Available', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    for (const [name, size] of [['pv-big', '5Gi'], ['pv-small', '2Gi']])
      await client.create(PVS, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: size }, hostPath: { path: `/data/${name}` } } });
    await h.run(1000);
    expect(phase(await client.get(PVS, undefined, 'pv-small'))).toBe('Available');
    await client.create(PVCS, claim('data', ''));
    await h.run(1000);
    expect((await client.get(PVCS, 'default', 'data')).spec).toMatchObject({ volumeName: 'pv-small' });
    expect(phase(await client.get(PVS, undefined, 'pv-small'))).toBe('Bound');
  });

  it('holds a claim in use by a pod with pvc-protection, and deletes its volume afterwards (Delete)', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(PVCS, claim('data'));
    await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'user' }, spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
    await h.run(10_000);
    const volume = (await client.get(PVCS, 'default', 'data')).spec as Obj;
    await client.delete(PVCS, 'default', 'data');
    await h.run(2000);
    const held = await client.get(PVCS, 'default', 'data');
    expect([!!held.metadata.deletionTimestamp, held.metadata.finalizers]).toEqual([true, ['kubernetes.io/pvc-protection']]);
    await client.delete(PODS, 'default', 'user');
    await h.run(10_000);
    expect(await h.claims()).toEqual([]);
    await expect(client.get(PVS, undefined, volume.volumeName)).rejects.toThrow('not found');
  });
});
