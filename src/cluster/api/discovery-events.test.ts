import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { createCluster } from '../cluster';
import { discoveryTable, resolveResource } from './discovery';
import { recordEvent } from './events';

describe('resolveResource', () => {
  const table = discoveryTable();
  const resolve = (n: string) => {
    const r = resolveResource(table, n);
    return r ? `${r.resource}${r.group ? '.' + r.group : ''}` : undefined;
  };

  it('resolves plural, singular, short names and kinds case-insensitively', () => {
    expect(['po', 'pod', 'pods', 'Pod', 'PODS'].map(resolve)).toEqual(Array(5).fill('pods'));
    expect(['sts', 'statefulset', 'StatefulSet', 'statefulsets.apps', 'statefulsets.v1.apps', 'sts.apps'].map(resolve)).toEqual(Array(6).fill('statefulsets.apps'));
    expect([resolve('pvc'), resolve('sc'), resolve('ev'), resolve('deploy'), resolve('cm')]).toEqual([
      'persistentvolumeclaims',
      'storageclasses.storage.k8s.io',
      'events',
      'deployments.apps',
      'configmaps',
    ]);
  });

  it('finds nothing for unknown names or groups', () => {
    expect([resolve('foo'), resolve('pods.apps')]).toEqual([undefined, undefined]);
  });

  it('lists statefulsets as kubectl api-resources shows them', () => {
    expect(table.find((r) => r.resource === 'statefulsets')).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'StatefulSet',
      resource: 'statefulsets',
      singular: 'statefulset',
      shortNames: ['sts'],
      namespaced: true,
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      categories: ['all'],
    });
  });
});

describe('recordEvent', () => {
  it('creates an Event named after the object and aggregates repeats', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const { client } = createCluster({ seed: 2, clock });
    const node = await client.get({ group: '', version: 'v1', resource: 'nodes' }, undefined, 'k8s-worker01');
    const first = (await recordEvent(client, clock, node, 'Normal', 'Starting', 'Starting kubelet.', { component: 'kubelet', host: 'k8s-worker01' })) as any;
    expect(first.metadata.name).toBe(`k8s-worker01.${(BigInt(Date.UTC(2026, 0, 1)) * 1000000n).toString(16)}`);
    expect(first.metadata.namespace).toBe('default');
    expect([first.count, first.firstTimestamp, first.source]).toEqual([1, '2026-01-01T00:00:00Z', { component: 'kubelet', host: 'k8s-worker01' }]);
    clock.advance(5000);
    const again = (await recordEvent(client, clock, node, 'Normal', 'Starting', 'Starting kubelet.', { component: 'kubelet', host: 'k8s-worker01' })) as any;
    expect([again.metadata.name, again.count, again.lastTimestamp]).toEqual([first.metadata.name, 2, '2026-01-01T00:00:05Z']);
  });
});
