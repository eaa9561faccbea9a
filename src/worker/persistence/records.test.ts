import { describe, expect, it } from 'vitest';
import { fnv1a } from './checksum';
import { META_KEY, decode, encode, objectKey, recover, type StoredRecord } from './records';

const pod = (name: string, rv: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: String(rv) } });
const meta = { savedAt: 5000, resourceVersion: '40', random: 77, clockTime: 5000, volumes: 'lab-a' };

function records(): Map<string, StoredRecord> {
  return new Map([
    [META_KEY, encode(meta)],
    [objectKey('pods', 'default', 'web-0'), encode({ resource: 'pods', namespace: 'default', object: pod('web-0', 30) })],
    [objectKey('pods', 'default', 'web-1'), encode({ resource: 'pods', namespace: 'default', object: pod('web-1', 31) })],
  ]);
}

describe('saved lab records', () => {
  it('checksums a record with FNV-1a of its JSON', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(encode({ a: 1 })).toEqual({ version: 1, checksum: fnv1a('{"a":1}'), json: '{"a":1}' });
  });

  it('recovers a snapshot from intact records', () => {
    const { snapshot, problems, volumes } = recover(records(), { now: 1, random: 1 });
    expect(problems).toEqual([]);
    expect(volumes).toBe('lab-a');
    expect(snapshot).toEqual({
      version: 1,
      savedAt: 5000,
      resourceVersion: '40',
      random: 77,
      clockTime: 5000,
      objects: [
        { resource: 'pods', namespace: 'default', object: pod('web-0', 30) },
        { resource: 'pods', namespace: 'default', object: pod('web-1', 31) },
      ],
    });
  });

  it('detects a damaged record by its checksum, reports and skips it, and recovers the rest', () => {
    const saved = records();
    const key = objectKey('pods', 'default', 'web-0');
    const record = saved.get(key)!;
    saved.set(key, { ...record, json: record.json.replace('web-0', 'web-X') });
    const { snapshot, problems, damagedKeys } = recover(saved, { now: 1, random: 1 });
    expect(problems).toEqual(['obj/pods/default/web-0: damaged (checksum mismatch)']);
    expect(damagedKeys).toEqual([key]);
    expect(snapshot!.objects.map((o) => o.object.metadata.name)).toEqual(['web-1']);
  });

  it('rebuilds a damaged meta record from the objects', () => {
    const saved = records();
    saved.set(META_KEY, { version: 1, checksum: '00000000', json: '{' });
    const { snapshot, problems } = recover(saved, { now: 9000, random: 5 });
    expect(problems).toEqual(['meta: damaged (checksum mismatch)']);
    expect([snapshot!.resourceVersion, snapshot!.random, snapshot!.clockTime]).toEqual(['31', 5, 9000]);
  });

  it('refuses a record from a newer kubelab and one that is not a record at all', () => {
    expect(decode('meta', { version: 2, checksum: fnv1a('{}'), json: '{}' })).toEqual({ ok: false, problem: 'meta: saved by a newer kubelab (version 2)' });
    expect(decode('x', 'garbage' as unknown as StoredRecord)).toEqual({ ok: false, problem: 'x: damaged (not a kubelab record)' });
  });

  it('migrates version-0 records (no namespace beside the object, no clock time in meta) to version 1', () => {
    const v0 = (body: unknown): StoredRecord => {
      const json = JSON.stringify(body);
      return { version: 0, checksum: fnv1a(json), json };
    };
    const saved = new Map([
      [META_KEY, v0({ savedAt: 7000, resourceVersion: '12', random: 3 })],
      [objectKey('pods', 'default', 'web-0'), v0({ resource: 'pods', object: pod('web-0', 11) })],
    ]);
    const { snapshot, problems } = recover(saved, { now: 1, random: 1 });
    expect(problems).toEqual([]);
    expect(snapshot).toEqual({
      version: 1,
      savedAt: 7000,
      resourceVersion: '12',
      random: 3,
      clockTime: 7000,
      objects: [{ resource: 'pods', namespace: 'default', object: pod('web-0', 11) }],
    });
  });
});
