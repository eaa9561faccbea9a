import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { createCluster } from './cluster';

const core = (resource: string) => ({ group: '', version: 'v1', resource });
const newCluster = (seed = 7) => createCluster({ seed, clock: new VirtualClock() });

describe('createCluster bootstrap', () => {
  it('creates four Ready nodes with the control-plane taint on the first', async () => {
    const { client } = newCluster();
    const nodes = (await client.list(core('nodes'))).items;
    expect(nodes.map((n) => n.metadata.name)).toEqual(['k8s-control-plane', 'k8s-worker01', 'k8s-worker02', 'k8s-worker03']);
    const cp = nodes[0] as any;
    expect(cp.spec.taints).toEqual([{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    expect(cp.metadata.labels['node-role.kubernetes.io/control-plane']).toBe('');
    for (const n of nodes as any[]) {
      expect(n.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
      expect(n.status.nodeInfo.kubeletVersion).toBe('v1.32.0');
    }
    expect((nodes[1] as any).spec.podCIDR).toBe('10.244.1.0/24');
    expect((nodes[1] as any).status.addresses[0]).toEqual({ address: '172.18.0.3', type: 'InternalIP' });
  });

  it('creates the four system namespaces, Active and labelled', async () => {
    const { client } = newCluster();
    const ns = (await client.list(core('namespaces'))).items as any[];
    expect(ns.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(ns.map((n) => n.status.phase)).toEqual(['Active', 'Active', 'Active', 'Active']);
    expect(ns[0].metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'default' });
  });

  it('serves the kubernetes and kube-dns services with their fixed ClusterIPs', async () => {
    const { client } = newCluster();
    const svcs = (await client.list(core('services'))).items as any[];
    expect(svcs.map((s) => `${s.metadata.namespace}/${s.metadata.name} ${s.spec.clusterIP}`)).toEqual([
      'default/kubernetes 10.96.0.1',
      'kube-system/kube-dns 10.96.0.10',
    ]);
    expect(svcs[1].spec.ports).toEqual([
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ]);
    const eps = await client.get(core('endpoints'), 'kube-system', 'kube-dns');
    expect((eps as any).subsets[0].addresses.map((a: any) => a.ip)).toEqual(['10.244.0.2', '10.244.0.3']);
  });

  it('ships the standard StorageClass as default, WaitForFirstConsumer', async () => {
    const { client } = newCluster();
    const sc = (await client.get({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }, undefined, 'standard')) as any;
    expect(sc.metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    expect([sc.provisioner, sc.reclaimPolicy, sc.volumeBindingMode]).toEqual(['rancher.io/local-path', 'Delete', 'WaitForFirstConsumer']);
  });

  it('runs the kube-system pods on their nodes', async () => {
    const { client } = newCluster();
    const pods = (await client.list(core('pods'), { namespace: 'kube-system' })).items as any[];
    expect(pods).toHaveLength(14);
    expect(pods.every((p) => p.status.phase === 'Running' && p.spec.nodeName)).toBe(true);
    expect(pods.filter((p) => p.metadata.name.startsWith('coredns-668d6bf9bc-'))).toHaveLength(2);
  });

  it('answers version like a v1.32.0 server', () => {
    const { client } = newCluster();
    expect(client.version()).toEqual({
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.0',
      gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
      gitTreeState: 'clean',
      buildDate: '2024-12-11T17:59:15Z',
      goVersion: 'go1.23.3',
      compiler: 'gc',
      platform: 'linux/amd64',
    });
  });

  it('is deterministic: the same seed gives the same uids and ClusterIPs', async () => {
    const make = async (seed: number) => {
      const { client } = newCluster(seed);
      const svc = await client.create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } });
      const nodes = await client.list(core('nodes'));
      return [svc.metadata.uid, (svc as any).spec.clusterIP, ...nodes.items.map((n) => n.metadata.uid)];
    };
    const a = await make(42);
    expect(await make(42)).toEqual(a);
    expect(await make(43)).not.toEqual(a);
  });
});
