import { describe, expect, it } from 'vitest';
import { sortYamlKeys, toYaml } from './yaml';

describe('toYaml (sigs.k8s.io/yaml output)', () => {
  it('sorts keys, quotes strings that read as other types, and writes sequences under their key', () => {
    const obj = {
      metadata: { name: 'web', labels: { app: 'nginx' }, creationTimestamp: '2026-01-01T00:00:00Z', annotations: { 'x/default': 'true' } },
      apiVersion: 'apps/v1',
      spec: { replicas: 2, ports: [{ port: 80, name: 'web' }], empty: {}, none: [], port: '80', blank: '' },
    };
    expect(toYaml(obj)).toBe(
      [
        'apiVersion: apps/v1',
        'metadata:',
        '  annotations:',
        '    x/default: "true"',
        '  creationTimestamp: "2026-01-01T00:00:00Z"',
        '  labels:',
        '    app: nginx',
        '  name: web',
        'spec:',
        '  blank: ""',
        '  empty: {}',
        '  none: []',
        '  port: "80"',
        '  ports:',
        '  - name: web',
        '    port: 80',
        '  replicas: 2',
        '',
      ].join('\n'),
    );
  });

  it('writes multi-line strings as literal blocks and single-quotes indicator-led strings', () => {
    expect(toYaml({ a: '{"x":1}\n', b: '*star', c: 'x: y' })).toBe('a: |\n  {"x":1}\nb: \'*star\'\nc: \'x: y\'\n');
  });

  it('folds long plain strings at a space past column 80', () => {
    const msg = 'word '.repeat(20).trim();
    expect(toYaml({ message: msg })).toBe(`message: ${'word '.repeat(14)}word\n  ${'word '.repeat(4)}word\n`);
  });

  it('orders keys like go-yaml: non-letters before letters, numbers numerically', () => {
    expect(sortYamlKeys(['b', 'a-2', 'a10', 'a2', 'aa'])).toEqual(['a-2', 'a2', 'a10', 'aa', 'b']);
  });
});
