import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { SeededRandom } from '../random';
import { ApiServer } from './server';
import type { KubeObject, WatchEvent } from './types';

const flush = () => new Promise((r) => setTimeout(r, 0));
const CM = { group: '', version: 'v1', resource: 'configmaps' };
const NS = { group: '', version: 'v1', resource: 'namespaces' };

function server() {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const s = new ApiServer(clock, new SeededRandom(1));
  s.createNow(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { s, clock };
}
const cm = (name: string, labels?: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { k: 'v' } });

describe('store metadata', () => {
  it('assigns uid, resourceVersion and creationTimestamp, and namespaces default', async () => {
    const { s, clock } = server();
    clock.advance(5000);
    const created = await s.create(CM, cm('a'));
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.metadata.resourceVersion).toBe('2');
    expect(created.metadata.creationTimestamp).toBe('2026-01-01T00:00:05Z');
    expect(created.metadata.namespace).toBe('default');
    expect(created.metadata.generation).toBeUndefined();
  });

  it('gives every write a higher resourceVersion and lists at the current one', async () => {
    const { s } = server();
    const a = await s.create(CM, cm('a'));
    const b = await s.create(CM, cm('b'));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    const list = await s.list(CM, { namespace: 'default' });
    expect(list.metadata.resourceVersion).toBe(b.metadata.resourceVersion);
    expect(list.items.map((i) => i.metadata.name)).toEqual(['a', 'b']);
  });

  it('copies objects in and out so callers cannot change what is stored', async () => {
    const { s } = server();
    const input = cm('a');
    const created = await s.create(CM, input);
    (input as any).data.k = 'changed';
    (created as any).data.k = 'changed';
    const got = await s.get(CM, 'default', 'a');
    (got as any).data.k = 'changed';
    expect(((await s.get(CM, 'default', 'a')) as any).data).toEqual({ k: 'v' });
  });

  it('rejects a stale resourceVersion with Conflict and a missing object with NotFound', async () => {
    const { s } = server();
    const a = await s.create(CM, cm('a'));
    await s.update(CM, { ...a, data: { k: 'v2' } });
    await expect(s.update(CM, { ...a, data: { k: 'v3' } })).rejects.toThrow(
      'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    await expect(s.update(CM, cm('nope'))).rejects.toThrow('configmaps "nope" not found');
  });

  it('does not write a no-op update', async () => {
    const { s } = server();
    const a = await s.create(CM, cm('a'));
    const again = await s.update(CM, a);
    expect(again.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
  });

  it('requires the namespace to exist on create', async () => {
    const { s } = server();
    await expect(s.create(CM, { ...cm('a'), metadata: { name: 'a', namespace: 'nope' } })).rejects.toThrow('namespaces "nope" not found');
  });

  it('names generateName objects with five random characters', async () => {
    const { s } = server();
    const o = await s.create(CM, { ...cm(''), metadata: { generateName: 'web-' } });
    expect(o.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('returns the defaulted object on a dry-run create without storing it', async () => {
    const { s } = server();
    const o = await s.create(CM, cm('a'), { dryRun: true });
    expect(o.metadata.name).toBe('a');
    await expect(s.get(CM, 'default', 'a')).rejects.toThrow('configmaps "a" not found');
  });
});

describe('watch', () => {
  it('delivers events asynchronously and in order', async () => {
    const { s } = server();
    const seen: string[] = [];
    s.watch(CM, { namespace: 'default' }, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    const a = s.createNow(CM, cm('a'));
    void s.update(CM, { ...a, data: { k: '2' } });
    void s.delete(CM, 'default', 'a');
    expect(seen).toEqual([]);
    await flush();
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('resumes after a resourceVersion', async () => {
    const { s } = server();
    const a = await s.create(CM, cm('a'));
    await s.create(CM, cm('b'));
    await s.create(CM, cm('c'));
    const seen: string[] = [];
    s.watch(CM, { resourceVersion: a.metadata.resourceVersion }, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    await s.create(CM, cm('d'));
    await flush();
    expect(seen).toEqual(['ADDED b', 'ADDED c', 'ADDED d']);
  });

  it('turns label changes into ADDED and DELETED for a selector watch', async () => {
    const { s } = server();
    const events: WatchEvent[] = [];
    s.watch(CM, { labelSelector: 'app=web' }, (e) => events.push(e));
    const a = await s.create(CM, cm('a', { app: 'db' }));
    const b = await s.update(CM, { ...a, metadata: { ...a.metadata, labels: { app: 'web' } } });
    const c = await s.update(CM, { ...b, data: { k: 'x' } });
    const d = await s.update(CM, { ...c, metadata: { ...c.metadata, labels: { app: 'db' } } });
    await flush();
    expect(events.map((e) => `${e.type} ${e.object.metadata.labels?.app} ${e.object.metadata.resourceVersion}`)).toEqual([
      `ADDED web ${b.metadata.resourceVersion}`,
      `MODIFIED web ${c.metadata.resourceVersion}`,
      `DELETED web ${d.metadata.resourceVersion}`,
    ]);
  });

  it('stops delivering after stop', async () => {
    const { s } = server();
    const seen: string[] = [];
    const stop = s.watch(CM, {}, (e) => seen.push(e.type));
    s.createNow(CM, cm('a'));
    stop();
    await flush();
    expect(seen).toEqual([]);
  });

  it('filters by field selector', async () => {
    const { s } = server();
    const seen: string[] = [];
    s.watch(CM, { fieldSelector: 'metadata.name=b' }, (e) => seen.push(e.object.metadata.name!));
    await s.create(CM, cm('a'));
    await s.create(CM, cm('b'));
    await flush();
    expect(seen).toEqual(['b']);
    expect(() => s.watch(CM, { fieldSelector: 'spec.foo=x' }, () => {})).toThrow('field label not supported: spec.foo');
  });
});

describe('list performance', () => {
  it('lists 10 000 pods across namespaces without deep copies, items frozen below metadata', async () => {
    const { s } = server();
    const POD = { group: '', version: 'v1', resource: 'pods' };
    for (let n = 0; n < 10; n++) s.createNow(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns${n}` } });
    for (let i = 0; i < 10000; i++)
      s.createNow(POD, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: `ns${i % 10}`, labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const started = performance.now();
    const list = await s.list(POD, {});
    if (process.env.KUBELAB_BENCH) console.log(`list of 10000 pods: ${(performance.now() - started).toFixed(1)} ms`);
    expect(list.items).toHaveLength(10000);
    expect(() => ((list.items[0] as any).spec.nodeName = 'n')).toThrow(TypeError);
    list.items[0].metadata.labels!.app = 'changed';
    expect((await s.get(POD, 'ns0', 'p0')).metadata.labels).toEqual({ app: 'x' });
  });
});
