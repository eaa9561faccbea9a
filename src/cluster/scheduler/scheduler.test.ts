import { describe, expect, it } from 'vitest';
import { harness } from '../testing/harness';
import { headlessService, statefulSet } from '../testing/fixtures';
import { PODS, SERVICES, STATEFULSETS, type Obj } from '../controllers/runtime/resources';
import { fitErrorMessage } from './fit-error';

const settle = () => new Promise<void>((r) => setImmediate(r));
const antiAffinity = {
  podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['nginx'] }] }, topologyKey: 'kubernetes.io/hostname' }] },
};

describe('scheduler', () => {
  it('spreads pods over the workers and never onto the tainted control plane', async () => {
    const h = harness(settle);
    await h.cluster.client.create(SERVICES, headlessService());
    await h.cluster.client.create(STATEFULSETS, statefulSet({ replicas: 6, policy: 'Parallel' }));
    await h.readyReplicas(6);
    const nodes = (await h.pods()).map((p) => (p.spec as Obj).nodeName).sort();
    expect(nodes).toEqual(['k8s-worker01', 'k8s-worker01', 'k8s-worker02', 'k8s-worker02', 'k8s-worker03', 'k8s-worker03']);
    expect(await h.events('web-0')).toContain(`Normal Scheduled Successfully assigned default/web-0 to ${(await h.pods())[0].spec && ((await h.pods())[0].spec as Obj).nodeName}`);
  });

  it('leaves a 4th anti-affine pod Pending with the real FailedScheduling text', async () => {
    const h = harness(settle);
    const sts = statefulSet({ replicas: 4 });
    (sts.spec as Obj).template.spec.affinity = antiAffinity;
    await h.cluster.client.create(SERVICES, headlessService());
    await h.cluster.client.create(STATEFULSETS, sts);
    await h.run(60_000);
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn\'t match pod anti-affinity rules. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(await h.events('web-3')).toEqual([`Warning FailedScheduling ${msg}`]);
    const pod = await h.cluster.client.get(PODS, 'default', 'web-3');
    expect(((pod.status as Obj).conditions as Obj[]).find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
  });

  it('reports unbound immediate claims when the claim names a missing StorageClass', async () => {
    const h = harness(settle);
    await h.cluster.client.create(SERVICES, headlessService());
    await h.cluster.client.create(STATEFULSETS, statefulSet({ replicas: 1, storageClassName: 'fast-ssd' }));
    await h.run(5000);
    expect(await h.events('web-0')).toContain(
      'Warning FailedScheduling 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    expect(await h.events('www-web-0')).toContain('Warning ProvisioningFailed storageclass.storage.k8s.io "fast-ssd" not found');
  });

  it('sorts the reason histogram as Go sorts the formatted strings', () => {
    expect(fitErrorMessage(2, [{ reasons: ['Insufficient cpu', 'Insufficient memory'], unresolvable: false }, { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true }])).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });
});
