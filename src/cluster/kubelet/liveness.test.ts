import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { harness } from '../testing/harness';
import { podSummary } from '../testing/pod-summary';
import { PODS, type Obj } from '../controllers/runtime/resources';

const settle = () => new Promise<void>((r) => setImmediate(r));
const pod = (name: string, container: Obj, spec: Obj = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', ...container }], ...spec } });
const kubeletEvents = async (h: ReturnType<typeof harness>, name: string) => (await h.events(name)).filter((e) => !/ (Scheduled|Pulling|Pulled|Created|Started) /.test(e));
const status = async (h: ReturnType<typeof harness>, name: string) => ((await h.cluster.client.get(PODS, 'default', name)).status as Obj).containerStatuses[0];

describe('liveness, startup and readiness probes', () => {
  it('kills nginx failing an httpGet liveness probe (404) and restarts it; nginx stops on SIGTERM with exit 0', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, pod('web', { image: 'nginx:1.25', livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 3 } }));
    await h.run(15_000);
    expect(await kubeletEvents(h, 'web')).toEqual([
      'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404',
      'Normal Killing Container c failed liveness probe, will be restarted',
    ]);
    const s = await status(h, 'web');
    expect([s.restartCount, s.lastState.terminated.reason, s.lastState.terminated.exitCode, 'running' in s.state]).toEqual([1, 'Completed', 0, true]);
  });

  it('reports a refused tcpSocket liveness probe with the dial error', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, pod('web', { image: 'nginx:1.25', livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5, failureThreshold: 1 } }));
    await h.run(7_000);
    const ip = ((await h.cluster.client.get(PODS, 'default', 'web')).status as Obj).podIP;
    expect(await kubeletEvents(h, 'web')).toEqual([`Warning Unhealthy Liveness probe failed: dial tcp ${ip}:8080: connect: connection refused`, 'Normal Killing Container c failed liveness probe, will be restarted']);
  });

  it('runs no liveness or readiness probe before the startup probe passes, and kills on startup failure', async () => {
    const h = harness(settle);
    await h.cluster.client.create(
      PODS,
      pod('slow', { image: 'nginx:1.25', startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5, failureThreshold: 2 }, livenessProbe: { httpGet: { path: '/nope', port: 80 } }, readinessProbe: { httpGet: { path: '/nope', port: 80 } } }),
    );
    await h.run(4_000);
    expect([(await status(h, 'slow')).started, podSummary(await h.cluster.client.get(PODS, 'default', 'slow'))]).toEqual([false, 'slow 0/1 Running 0']);
    await h.run(8_000);
    expect((await status(h, 'slow')).restartCount).toBe(1);
    const ip = ((await h.cluster.client.get(PODS, 'default', 'slow')).status as Obj).podIP;
    expect(await kubeletEvents(h, 'slow')).toEqual([
      `Warning Unhealthy Startup probe failed: dial tcp ${ip}:8080: connect: connection refused`,
      'Normal Killing Container c failed startup probe, will be restarted',
    ]);
  });

  it('marks the container started, then ready, once the startup probe passes', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, pod('web', { image: 'nginx:1.25', startupProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 2 }, readinessProbe: { httpGet: { path: '/', port: 80 } } }));
    await h.run(6_000);
    const s = await status(h, 'web');
    expect([s.started, s.ready]).toEqual([true, true]);
    expect(await kubeletEvents(h, 'web')).toEqual([]);
  });

  it('says nothing of a restart when restartPolicy is Never', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, pod('once', { image: 'nginx:1.25', livenessProbe: { httpGet: { path: '/x', port: 80 }, periodSeconds: 2, failureThreshold: 1 } }, { restartPolicy: 'Never' }));
    await h.run(8_000);
    expect(await kubeletEvents(h, 'once')).toEqual(['Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404', 'Normal Killing Container c failed liveness probe']);
    expect(podSummary(await h.cluster.client.get(PODS, 'default', 'once'))).toBe('once 0/1 Completed 0');
  });

  it("waits the probe's terminationGracePeriodSeconds for a shell that ignores SIGTERM, then restarts it (Error 137)", async () => {
    const h = harness(settle);
    const args = ['/bin/sh', '-c', 'sleep 3600'];
    await h.cluster.client.create(PODS, pod('sh', { image: 'busybox:1.36', args, livenessProbe: { exec: { command: ['test', '-f', '/tmp/ok'] }, periodSeconds: 2, failureThreshold: 1, terminationGracePeriodSeconds: 5 } }));
    await h.run(6_000);
    expect((await status(h, 'sh')).restartCount).toBe(0);
    await h.run(5_000);
    const s = await status(h, 'sh');
    expect([s.restartCount, s.lastState.terminated.reason, s.lastState.terminated.exitCode]).toEqual([1, 'Error', 137]);
    expect((await kubeletEvents(h, 'sh')).slice(0, 2)).toEqual(['Warning Unhealthy Liveness probe failed: ', 'Normal Killing Container c failed liveness probe, will be restarted']);
  });

  it('becomes ready when a scripted file appears (exec readiness probe)', async () => {
    const h = harness(settle);
    const args = ['sh', '-c', 'sleep 8; touch /tmp/ready; sleep 3600'];
    await h.cluster.client.create(PODS, pod('r', { image: 'busybox:1.36', args, readinessProbe: { exec: { command: ['sh', '-c', 'test -f /tmp/ready && echo ok'] }, periodSeconds: 3 } }));
    await h.run(6_000);
    expect(podSummary(await h.cluster.client.get(PODS, 'default', 'r'))).toBe('r 0/1 Running 0');
    await h.run(6_000);
    expect(podSummary(await h.cluster.client.get(PODS, 'default', 'r'))).toBe('r 1/1 Running 0');
    // Identical events are one Event with a count.
    expect(await kubeletEvents(h, 'r')).toEqual(['Warning Unhealthy Readiness probe failed: ']);
  });
});
