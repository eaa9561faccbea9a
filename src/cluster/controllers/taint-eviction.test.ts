import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { evictionDelay } from './taint-eviction';

const pod = (tolerations: object[]): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], tolerations } });
const maintenance = { key: 'maintenance', value: 'now', effect: 'NoExecute' };

describe('evictionDelay', () => {
  it('is immediate for a taint no toleration covers', () => {
    expect(evictionDelay(pod([{ key: 'other', operator: 'Exists' }]), [maintenance])).toBe(0);
  });

  it('takes the first toleration covering each taint, and the shortest seconds among those', () => {
    const p = pod([
      { key: 'maintenance', operator: 'Equal', value: 'now', effect: 'NoExecute', tolerationSeconds: 120 },
      { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
    ]);
    expect(evictionDelay(p, [maintenance])).toBe(120_000);
    expect(evictionDelay(p, [maintenance, { key: 'disk', effect: 'NoExecute' }])).toBe(30_000);
    expect(evictionDelay(pod([{ operator: 'Exists', tolerationSeconds: 0 }]), [maintenance])).toBe(0);
  });

  it('never comes when the covering tolerations have no seconds', () => {
    expect(evictionDelay(pod([{ operator: 'Exists' }]), [maintenance])).toBeUndefined();
    expect(evictionDelay(pod([{ key: 'maintenance', operator: 'Exists' }, { operator: 'Exists', tolerationSeconds: 10 }]), [maintenance])).toBeUndefined();
  });
});
