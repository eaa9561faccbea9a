import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { createCluster } from '../cluster';
import { SeededRandom } from '../random';
import type { ClusterSnapshot } from '../snapshot';
import { EVENT_TTL_MS, EventTtl, lastWriteOf } from './event-ttl';
import { EVENTS, recordEvent } from './events';
import { ApiServer } from './server';
import type { KubeObject, ResourceType, WatchEvent } from './types';

const NAMESPACES: ResourceType = { group: '', version: 'v1', resource: 'namespaces' };
const CONFIGMAPS: ResourceType = { group: '', version: 'v1', resource: 'configmaps' };
const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const settle = () => new Promise<void>((r) => setImmediate(r));

/** An API server with a default namespace and the TTL running, nothing else. */
function server() {
  const clock = new VirtualClock(T0);
  const api = new ApiServer(clock, new SeededRandom(1));
  api.createNow(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const ttl = new EventTtl(api.store, clock);
  ttl.start();
  return { clock, api, ttl };
}

function configMap(api: ApiServer, name: string): KubeObject {
  return api.createNow(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { k: 'v' } });
}

async function record(api: ApiServer, clock: VirtualClock, about: KubeObject, reason = 'Tested'): Promise<string> {
  const ev = await recordEvent(api, clock, about, 'Normal', reason, `${reason} it.`, { component: 'tester' });
  return ev!.metadata.name!;
}

async function eventNames(api: ApiServer): Promise<string[]> {
  return (await api.list(EVENTS, {})).items.map((e) => e.metadata.name!);
}

describe('Event TTL', () => {
  it('deletes an Event exactly one hour after its last write', async () => {
    const { clock, api } = server();
    const name = await record(api, clock, configMap(api, 'cm'));
    clock.advance(EVENT_TTL_MS - 1);
    expect(await eventNames(api)).toEqual([name]);
    clock.advance(1);
    expect(await eventNames(api)).toEqual([]);
    await expect(api.get(EVENTS, 'default', name)).rejects.toMatchObject({ reason: 'NotFound' });
  });

  it('postpones expiry when aggregation updates the Event', async () => {
    const { clock, api } = server();
    const cm = configMap(api, 'cm');
    const name = await record(api, clock, cm);
    clock.advance(30 * MINUTE);
    expect(await record(api, clock, cm)).toBe(name);
    clock.advance(EVENT_TTL_MS - 1);
    expect((await api.get(EVENTS, 'default', name)).count).toBe(2);
    clock.advance(1);
    expect(await eventNames(api)).toEqual([]);
  });

  it('postpones expiry on any update, such as a label patch', async () => {
    const { clock, api } = server();
    const name = await record(api, clock, configMap(api, 'cm'));
    clock.advance(50 * MINUTE);
    await api.patch(EVENTS, 'default', name, 'merge', { metadata: { labels: { seen: 'yes' } } });
    clock.advance(EVENT_TTL_MS - 1);
    expect(await eventNames(api)).toEqual([name]);
    clock.advance(1);
    expect(await eventNames(api)).toEqual([]);
  });

  it('expires Events in order of their own deadlines', async () => {
    const { clock, api } = server();
    const a = configMap(api, 'a');
    const first = await record(api, clock, a);
    clock.advance(10 * MINUTE);
    const second = await record(api, clock, configMap(api, 'b'));
    clock.advance(40 * MINUTE);
    await record(api, clock, a);
    // first now expires at 1:50, second at 1:10.
    clock.advance(20 * MINUTE - 1);
    expect(await eventNames(api)).toEqual([first, second]);
    clock.advance(1);
    expect(await eventNames(api)).toEqual([first]);
    clock.advance(40 * MINUTE - 1);
    expect(await eventNames(api)).toEqual([first]);
    clock.advance(1);
    expect(await eventNames(api)).toEqual([]);
  });

  it('shows the expiry to watchers as DELETED with a new resourceVersion', async () => {
    const { clock, api } = server();
    const name = await record(api, clock, configMap(api, 'cm'));
    const before = (await api.get(EVENTS, 'default', name)).metadata.resourceVersion;
    const seen: WatchEvent[] = [];
    const stop = api.watch(EVENTS, { namespace: 'default' }, (e) => seen.push(e));
    clock.advance(EVENT_TTL_MS);
    await settle();
    stop();
    expect(seen.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual([`DELETED ${name}`]);
    expect(Number(seen[0].object.metadata.resourceVersion)).toBe(Number(before) + 1);
  });

  it('leaves objects that are not Events alone', async () => {
    const { clock, api } = server();
    configMap(api, 'cm');
    clock.advance(5 * EVENT_TTL_MS);
    expect((await api.list(CONFIGMAPS, {})).items.map((c) => c.metadata.name)).toEqual(['cm']);
  });

  it('gives an Event deleted by hand and created again under the same name a fresh hour', async () => {
    const { clock, api } = server();
    const name = await record(api, clock, configMap(api, 'cm'));
    const saved = await api.get(EVENTS, 'default', name);
    clock.advance(30 * MINUTE);
    await api.delete(EVENTS, 'default', name);
    await api.create(EVENTS, { ...saved, metadata: { name, namespace: 'default' } });
    clock.advance(EVENT_TTL_MS - 1);
    expect(await eventNames(api)).toEqual([name]);
    clock.advance(1);
    expect(await eventNames(api)).toEqual([]);
  });

  it('stops expiring once stopped', async () => {
    const { clock, api, ttl } = server();
    const name = await record(api, clock, configMap(api, 'cm'));
    ttl.stop();
    clock.advance(2 * EVENT_TTL_MS);
    expect(await eventNames(api)).toEqual([name]);
  });
});

describe('lastWriteOf', () => {
  const ev = (fields: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', creationTimestamp: '2026-01-01T00:00:00Z' }, ...fields });
  const now = Date.UTC(2026, 0, 1, 5);

  it('takes the latest of lastTimestamp, eventTime, series.lastObservedTime and creationTimestamp', () => {
    expect([
      lastWriteOf(ev({ lastTimestamp: '2026-01-01T00:30:00Z', eventTime: null }), now),
      lastWriteOf(ev({ eventTime: '2026-01-01T01:00:00.123456Z', series: { lastObservedTime: '2026-01-01T02:00:00.000000Z' } }), now),
      lastWriteOf(ev({ lastTimestamp: null }), now),
    ]).toEqual([Date.UTC(2026, 0, 1, 0, 30), Date.UTC(2026, 0, 1, 2), Date.UTC(2026, 0, 1)]);
  });

  it('never places a write after now', () => {
    expect(lastWriteOf(ev({ lastTimestamp: '2027-01-01T00:00:00Z' }), now)).toBe(now);
  });
});

describe('Event TTL across a restore', () => {
  /** Through JSON, as browser storage keeps it. */
  const saved = (s: ClusterSnapshot): ClusterSnapshot => JSON.parse(JSON.stringify(s));
  const ours = async (c: ReturnType<typeof createCluster>) =>
    (await c.client.list(EVENTS, { namespace: 'default', fieldSelector: 'source=tester' })).items.map((e) => `${e.metadata.name} ${e.count}`);

  it('drops saved Events older than the TTL at once and expires the rest on time', async () => {
    const clock = new VirtualClock(T0);
    const cluster = createCluster({ seed: 3, clock });
    const a = configMap(cluster.server, 'a');
    const b = configMap(cluster.server, 'b');
    const c = configMap(cluster.server, 'c');
    const old = await record(cluster.server, clock, a);
    const bumped = await record(cluster.server, clock, b);
    clock.advance(30 * MINUTE);
    await record(cluster.server, clock, b);
    clock.advance(10 * MINUTE);
    const recent = await record(cluster.server, clock, c);
    const snapshot = saved(cluster.snapshot!());
    cluster.stop();

    const later = new VirtualClock(T0 + 80 * MINUTE);
    const restored = createCluster({ seed: 3, clock: later, restore: snapshot });
    // old was last written at 0:00, bumped at 0:30, recent at 0:40.
    const kept = await ours(restored);
    expect(kept).toEqual([`${bumped} 2`, `${recent} 1`]);
    expect(kept.map((e) => e.split(' ')[0])).not.toContain(old);
    later.advance(10 * MINUTE - 1);
    expect(await ours(restored)).toEqual([`${bumped} 2`, `${recent} 1`]);
    later.advance(1);
    expect(await ours(restored)).toEqual([`${recent} 1`]);
    later.advance(10 * MINUTE);
    expect(await ours(restored)).toEqual([]);
    restored.stop();
  });

  it('keeps the resourceVersion when nothing saved has expired', async () => {
    const clock = new VirtualClock(T0);
    const cluster = createCluster({ seed: 3, clock });
    await record(cluster.server, clock, configMap(cluster.server, 'a'));
    const snapshot = saved(cluster.snapshot!());
    cluster.stop();
    const restored = createCluster({ seed: 3, clock: new VirtualClock(snapshot.clockTime), restore: snapshot });
    expect((await restored.client.list(EVENTS, {})).metadata.resourceVersion).toBe(snapshot.resourceVersion);
    restored.stop();
  });
});
