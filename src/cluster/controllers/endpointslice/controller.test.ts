import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { harness } from '../../testing/harness';
import { headlessService, statefulSet } from '../../testing/fixtures';
import { ENDPOINT_SLICES, PODS, SERVICES, STATEFULSETS, type Obj } from '../runtime/resources';

const settle = () => new Promise<void>((r) => setImmediate(r));

const summary = (s: KubeObject) => ((s.endpoints ?? []) as Obj[]).map((e) => `${e.targetRef.name} ${e.hostname ?? '-'} ready=${e.conditions.ready} serving=${e.conditions.serving} terminating=${e.conditions.terminating}`);

describe('endpointslice controller', () => {
  it('starts with the apiserver kubernetes slice and the kube-dns slice', async () => {
    const h = harness(settle);
    await h.run(1000);
    const slices = (await h.cluster.client.list(ENDPOINT_SLICES)).items;
    expect(slices.map((s) => [s.metadata.namespace, s.metadata.name!.replace(/-[a-z0-9]{5}$/, '-?????'), s.metadata.labels])).toEqual([
      ['default', 'kubernetes', { 'kubernetes.io/service-name': 'kubernetes' }],
      [
        'kube-system',
        'kube-dns-?????',
        { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS', 'kubernetes.io/service-name': 'kube-dns', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      ],
    ]);
    const dnsPods = (await h.cluster.client.list(PODS, { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' })).items;
    expect(summary(slices[1])).toEqual(dnsPods.map((p) => `${p.metadata.name} - ready=true serving=true terminating=false`));
    expect(slices[1].ports).toEqual([
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ]);
  });

  it('follows a StatefulSet behind its headless service: hostnames, readiness, termination, owner', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    const svc = await client.create(SERVICES, { ...headlessService(), metadata: { ...headlessService().metadata, namespace: 'default' } });
    await h.run(100);
    const forService = async () => (await client.list(ENDPOINT_SLICES, { namespace: 'default', labelSelector: 'kubernetes.io/service-name=nginx' })).items;
    const [placeholder] = await forService();
    expect([placeholder.metadata.name, placeholder.endpoints, placeholder.ports]).toEqual([expect.stringMatching(/^nginx-[bcdfghjklmnpqrstvwxz2456789]{5}$/), null, null]);
    expect(placeholder.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'nginx', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);

    await client.create(STATEFULSETS, statefulSet({ replicas: 2 }));
    expect(await h.readyReplicas(2)).toBeGreaterThan(0);
    await h.run(100);
    let slices = await forService();
    expect(slices.map((s) => s.metadata.name)).toEqual([placeholder.metadata.name]);
    expect(summary(slices[0])).toEqual(['web-0 web-0 ready=true serving=true terminating=false', 'web-1 web-1 ready=true serving=true terminating=false']);
    expect(slices[0].ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }]);

    await client.delete(PODS, 'default', 'web-1');
    await h.run(100);
    slices = await forService();
    expect(summary(slices[0])).toEqual(['web-0 web-0 ready=true serving=true terminating=false', 'web-1 web-1 ready=false serving=true terminating=true']);

    await client.delete(SERVICES, 'default', 'nginx');
    await h.run(1000);
    expect(await forService()).toEqual([]);
  });
});
