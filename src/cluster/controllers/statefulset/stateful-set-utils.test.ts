import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { statefulSet } from '../../testing/fixtures';
import { fnv32, goJSON, hashRevision, safeEncodeString } from './revision-utils';
import { getParentNameAndOrdinal, getPersistentVolumeClaims, identityMatches, newStatefulSetPod, newVersionedStatefulSetPod, storageMatches } from './stateful-set-utils';
import { goDuration } from '../../kubelet/go-duration';

const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: {} });
const set = (extra: object = {}): KubeObject => {
  const s = statefulSet({ spec: extra });
  s.metadata = { name: 'web', namespace: 'default', uid: 'u-1' };
  return s;
};

describe('statefulset utils', () => {
  it.each([
    ['web-0', 'web', 0],
    ['web-12', 'web', 12],
    ['my-app-3', 'my-app', 3],
    ['web', '', -1],
    ['web-', '', -1],
    ['web-x1', '', -1],
  ])('parses %s as parent %s ordinal %d', (name, parent, ordinal) => {
    expect(getParentNameAndOrdinal(pod(name))).toEqual({ parent, ordinal });
  });

  it('builds a pod with identity, storage, owner and generateName', () => {
    const p = newStatefulSetPod(set(), 2);
    expect(p.metadata).toEqual({
      generateName: 'web-',
      name: 'web-2',
      namespace: 'default',
      labels: { app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u-1', controller: true, blockOwnerDeletion: true }],
    });
    expect((p.spec as { volumes: unknown[] }).volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }]);
    expect(identityMatches(set(), p) && storageMatches(set(), p)).toBe(true);
    expect(identityMatches(set(), { ...p, metadata: { ...p.metadata, labels: {} } })).toBe(false);
  });

  it('names claims <template>-<set>-<ordinal> with the selector labels added', () => {
    const claims = getPersistentVolumeClaims(set(), pod('web-4'));
    expect([...claims.values()].map((c) => [c.metadata.name, c.metadata.labels])).toEqual([['www-web-4', { app: 'nginx' }]]);
  });

  it.each([
    [{ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }, 1, 'cur'],
    [{ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }, 2, 'upd'],
    [{ updateStrategy: { type: 'OnDelete' } }, 0, 'upd'],
    [{ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }, 0, 'upd'],
  ])('recreates a missing ordinal at the revision the partition rule picks (%j, ordinal %d → %s)', (spec, ordinal, want) => {
    const p = newVersionedStatefulSetPod(set(spec), set(spec), 'cur', 'upd', ordinal);
    expect(p.metadata.labels?.['controller-revision-hash']).toBe(want);
  });

  it('encodes hashes like rand.SafeEncodeString and hashes with FNV-1 32', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(fnv32('')).toBe(0x811c9dc5);
    expect(fnv32('a')).toBe(0x050c5d7e);
    expect(hashRevision({ a: 1 }, 0)).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it('renders JSON as Go does: sorted keys, HTML-safe', () => {
    expect(goJSON({ b: 1, a: ['<x>', true, null], $patch: 'replace' })).toBe('{"$patch":"replace","a":["\\u003cx\\u003e",true,null],"b":1}');
  });

  it.each([
    [0, '0s'],
    [512, '512ms'],
    [1200, '1.2s'],
    [1234, '1.234s'],
    [2000, '2s'],
    [61_500, '1m1.5s'],
  ])('prints %d ms as Go duration %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});
