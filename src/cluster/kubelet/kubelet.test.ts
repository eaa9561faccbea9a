import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { harness } from '../testing/harness';
import { podSummary } from '../testing/pod-summary';
import { PODS, type Obj } from '../controllers/runtime/resources';

const settle = () => new Promise<void>((r) => setImmediate(r));
const pod = (name: string, container: Obj): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', ...container }] } });

async function watchRows(h: ReturnType<typeof harness>, name: string): Promise<string[]> {
  const rows: string[] = [];
  h.cluster.client.watch(PODS, { namespace: 'default', fieldSelector: `metadata.name=${name}` }, (e) => rows.push(podSummary(e.object)));
  return rows;
}

describe('kubelet', () => {
  it('shows 0/1 Running until the readiness probe passes after its initial delay', async () => {
    const h = harness(settle);
    const rows = await watchRows(h, 'p');
    await h.cluster.client.create(PODS, pod('p', { image: 'nginx:1.25', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }));
    await h.run(15_000);
    expect(rows).toEqual(['p 0/1 Pending 0', 'p 0/1 Pending 0', 'p 0/1 ContainerCreating 0', 'p 0/1 Running 0', 'p 1/1 Running 0']);
  });

  it('reports a refused readiness probe as Unhealthy and stays unready', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, pod('p', { image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/health', port: 8080 }, periodSeconds: 5 } }));
    await h.run(15_000);
    const p = await h.cluster.client.get(PODS, 'default', 'p');
    expect(podSummary(p)).toBe('p 0/1 Running 0');
    const ip = (p.status as Obj).podIP;
    expect(await h.events('p')).toContain(`Warning Unhealthy Readiness probe failed: Get "http://${ip}:8080/health": dial tcp ${ip}:8080: connect: connection refused`);
  });

  it('crash-loops a busybox with nothing to run: Completed, then CrashLoopBackOff', async () => {
    const h = harness(settle);
    const rows = await watchRows(h, 'bb');
    await h.cluster.client.create(PODS, pod('bb', { image: 'busybox:1.36' }));
    await h.run(30_000);
    expect(rows.slice(0, 6)).toEqual(['bb 0/1 Pending 0', 'bb 0/1 Pending 0', 'bb 0/1 ContainerCreating 0', 'bb 0/1 Completed 0', 'bb 0/1 Completed 1', 'bb 0/1 CrashLoopBackOff 1']);
    const events = await h.events('bb');
    expect(events).toContain('Normal Pulled Container image "busybox:1.36" already present on machine');
    expect(events.some((e) => /^Warning BackOff Back-off restarting failed container c in pod bb_default\(.+\)$/.test(e))).toBe(true);
  });

  it('alternates ErrImagePull and ImagePullBackOff for a missing tag', async () => {
    const h = harness(settle);
    const rows = await watchRows(h, 'bad');
    await h.cluster.client.create(PODS, pod('bad', { image: 'nginx:1.999' }));
    await h.run(20_000);
    expect(rows.slice(2, 7)).toEqual(['bad 0/1 ContainerCreating 0', 'bad 0/1 ErrImagePull 0', 'bad 0/1 ImagePullBackOff 0', 'bad 0/1 ErrImagePull 0', 'bad 0/1 ImagePullBackOff 0']);
    expect((await h.events('bad')).filter((e) => e.startsWith('Warning Failed Error'))).toEqual(['Warning Failed Error: ErrImagePull', 'Warning Failed Error: ImagePullBackOff']);
  });

  it('waits out the grace period for a process that ignores SIGTERM', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(PODS, pod('sleeper', { image: 'busybox:1.36', command: ['sleep', '3600'] }));
    await h.run(10_000);
    await client.delete(PODS, 'default', 'sleeper', { gracePeriodSeconds: 20 });
    await h.run(15_000);
    expect(podSummary(await client.get(PODS, 'default', 'sleeper'))).toBe('sleeper 1/1 Terminating 0');
    await h.run(10_000);
    await expect(client.get(PODS, 'default', 'sleeper')).rejects.toThrow('pods "sleeper" not found');
    expect(await h.events('sleeper')).toContain('Normal Killing Stopping container c');
  });
});
