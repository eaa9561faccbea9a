import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import { createCluster } from '../../cluster';
import { runUntil, runFor } from '../../testing/drive';
import { podSummary } from '../../testing/pod-summary';
import { headlessService, statefulSet } from '../../testing/fixtures';
import { PODS, SERVICES, STATEFULSETS, type Obj } from '../runtime/resources';

const settle = () => new Promise<void>((r) => setImmediate(r));

describe('StatefulSet timeline', () => {
  it('brings up a 2-replica set in order with the get -w status sequence', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const cluster = createCluster({ seed: 7, clock });
    const { client } = cluster;
    const rows: string[] = [];
    cluster.client.watch(PODS, { namespace: 'default', labelSelector: 'app=nginx' }, (e) => rows.push(podSummary(e.object)));
    await client.create(SERVICES, headlessService());
    await client.create(STATEFULSETS, statefulSet({ replicas: 2 }));
    const took = await runUntil(clock, async () => ((await client.get(STATEFULSETS, 'default', 'web')).status as Obj)?.readyReplicas === 2, settle, 120_000);
    console.log('ready after', took, 'ms');
    await runFor(clock, 5000, settle);
    expect(rows).toEqual([
      'web-0 0/1 Pending 0',
      'web-0 0/1 Pending 0',
      'web-0 0/1 ContainerCreating 0',
      'web-0 1/1 Running 0',
      'web-1 0/1 Pending 0',
      'web-1 0/1 Pending 0',
      'web-1 0/1 ContainerCreating 0',
      'web-1 1/1 Running 0',
    ]);
    cluster.stop();
  });
});
