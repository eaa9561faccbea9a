import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { SeededRandom } from '../random';
import { ApiServer } from './server';

const CM = { group: '', version: 'v1', resource: 'configmaps' };
const NS = { group: '', version: 'v1', resource: 'namespaces' };

function serverWithConfigMaps(): ApiServer {
  const s = new ApiServer(new VirtualClock(Date.UTC(2026, 0, 1)), new SeededRandom(1));
  s.createNow(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  s.createNow(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { app: 'x' } }, data: { k: 'v' } });
  s.createNow(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: { app: 'y' } }, data: { k: 'w' } });
  return s;
}

describe('listShared, the copy-free list for read-only callers', () => {
  it('selects by label, with the list type and the store resourceVersion', async () => {
    const s = serverWithConfigMaps();
    const { items, ...head } = await s.listShared(CM, { namespace: 'default', labelSelector: 'app=y' });
    expect({ ...head, items: items.map((o) => `${o.metadata.name} ${o.metadata.labels?.app}`) }).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: { resourceVersion: '3' },
      items: ['b y'],
    });
  });

  it('hands out stored objects that throw when written to, so a reader cannot change the store', async () => {
    const s = serverWithConfigMaps();
    const [shared] = (await s.listShared(CM, { namespace: 'default' })).items;
    expect(() => {
      (shared.metadata as { name?: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (shared.data as Record<string, string>).k = 'changed';
    }).toThrow(TypeError);
    expect((await s.get(CM, 'default', 'a')).metadata.name).toBe('a');
  });

  it('leaves list returning copies whose metadata the caller may change', async () => {
    const s = serverWithConfigMaps();
    const [copy] = (await s.list(CM, { namespace: 'default' })).items;
    copy.metadata.labels!.app = 'changed';
    copy.metadata.name = 'changed';
    const [again] = (await s.list(CM, { namespace: 'default' })).items;
    expect([again.metadata.name, again.metadata.labels]).toEqual(['a', { app: 'x' }]);
  });

  it('shows every write after a list: a changed object, a new name in key order, a deleted one gone', async () => {
    const s = serverWithConfigMaps();
    const summary = async () => (await s.listShared(CM, { namespace: 'default' })).items.map((o) => `${o.metadata.name}=${(o.data as Record<string, string>).k}`);
    expect(await summary()).toEqual(['a=v', 'b=w']);
    await s.patch(CM, 'default', 'b', 'merge', { data: { k: 'changed' } });
    expect(await summary()).toEqual(['a=v', 'b=changed']);
    s.createNow(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aa' }, data: { k: 'new' } });
    expect(await summary()).toEqual(['a=v', 'aa=new', 'b=changed']);
    await s.delete(CM, 'default', 'a');
    expect(await summary()).toEqual(['aa=new', 'b=changed']);
  });
});
