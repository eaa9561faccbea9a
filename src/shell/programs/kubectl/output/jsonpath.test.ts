import { describe, expect, it } from 'vitest';
import { executeJsonPath } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'web-0', labels: { 'app.kubernetes.io/name': 'web' } }, status: { phase: 'Running' }, spec: { containers: [{ image: 'nginx' }] } },
    { metadata: { name: 'web-1' }, status: { phase: 'Pending' }, spec: { containers: [{ image: 'nginx:1.25' }] } },
  ],
};

describe('kubectl jsonpath templates', () => {
  it('joins the results of a wildcard with spaces', () => {
    expect(executeJsonPath('{.items[*].metadata.name}', list)).toBe('web-0 web-1');
  });

  it('repeats a range body per item with string literals', () => {
    expect(executeJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', list)).toBe('web-0\tRunning\nweb-1\tPending\n');
  });

  it('filters with ?() and indexes from the end', () => {
    expect(executeJsonPath('{.items[?(@.status.phase=="Pending")].metadata.name}', list)).toBe('web-1');
    expect(executeJsonPath('{.items[-1].spec.containers[0].image}', list)).toBe('nginx:1.25');
  });

  it('prints maps as JSON and nothing for missing keys', () => {
    expect(executeJsonPath('{.items[0].metadata.labels}', list)).toBe('{"app.kubernetes.io/name":"web"}');
    expect(executeJsonPath('x{.items[0].nope}y', list)).toBe('xy');
  });

  it('reads keys with escaped dots', () => {
    expect(executeJsonPath('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', list)).toBe('web');
  });
});
