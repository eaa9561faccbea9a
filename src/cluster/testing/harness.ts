/** A cluster on a VirtualClock plus the reads controller tests need (settle is passed in by the test). */
import { VirtualClock } from '../clock';
import { createCluster, type Cluster } from '../cluster';
import type { KubeObject } from '../api/types';
import { EVENTS } from '../api/events';
import { PODS, PVCS, STATEFULSETS, type Obj } from '../controllers/runtime/resources';
import { runFor, runUntil, type Settle } from './drive';

export interface Harness {
  cluster: Cluster;
  clock: VirtualClock;
  pods(): Promise<KubeObject[]>;
  podNames(): Promise<string[]>;
  claims(): Promise<string[]>;
  set(name?: string): Promise<KubeObject>;
  events(involvedName?: string): Promise<string[]>;
  run(ms: number): Promise<void>;
  until(done: () => boolean | Promise<boolean>, limitMs?: number): Promise<number>;
  readyReplicas(n: number, name?: string): Promise<number>;
}

export function harness(settle: Settle, seed = 7): Harness {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const cluster = createCluster({ seed, clock });
  const { client } = cluster;
  const h: Harness = {
    cluster,
    clock,
    pods: async () => (await client.list(PODS, { namespace: 'default' })).items,
    podNames: async () => (await h.pods()).map((p) => p.metadata.name!),
    claims: async () => (await client.list(PVCS, { namespace: 'default' })).items.map((p) => p.metadata.name!),
    set: (name = 'web') => client.get(STATEFULSETS, 'default', name),
    events: async (involvedName) =>
      (await client.list(EVENTS, { namespace: 'default' })).items
        .filter((e) => !involvedName || (e.involvedObject as Obj).name === involvedName)
        .map((e) => `${e.type} ${e.reason} ${e.message}`),
    run: (ms) => runFor(clock, ms, settle),
    until: (done, limitMs = 300_000) => runUntil(clock, done, settle, limitMs),
    readyReplicas: (n, name = 'web') =>
      runUntil(
        clock,
        async () => {
          const s = (await h.set(name)).status as Obj;
          return (s?.readyReplicas ?? 0) === n && s?.replicas === n && s?.updatedReplicas === n && s?.currentRevision === s?.updateRevision;
        },
        settle,
        600_000,
      ),
  };
  return h;
}
