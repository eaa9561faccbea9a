import { describe, expect, it } from 'vitest';
import { createLab, run } from '../testing/harness';

const configmaps = { group: '', version: 'v1', resource: 'configmaps' };
const namespaces = { group: '', version: 'v1', resource: 'namespaces' };

describe('kubectl get across namespaces', () => {
  it('orders rows by the namespace/name key, so a namespace that prefixes another comes after it', async () => {
    const lab = createLab();
    const client = lab.cluster.client;
    for (const ns of ['a', 'a-b', 'b']) await client.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const [ns, name] of [['b', 'x'], ['a', 'z'], ['a-b', 'y'], ['a', 'c'], ['a-b', 'd']]) {
      await client.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { t: '1' } }, data: { k: 'v' } });
    }
    const r = await run(lab, 'kubectl get configmaps -A -l t=1');
    expect(r).toEqual({
      stdout:
        'NAMESPACE   NAME   DATA   AGE\n' +
        'a-b         d      1      0s\n' +
        'a-b         y      1      0s\n' +
        'a           c      1      0s\n' +
        'a           z      1      0s\n' +
        'b           x      1      0s\n',
      stderr: '',
      code: 0,
    });
  });
});
