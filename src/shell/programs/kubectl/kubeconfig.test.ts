import { describe, expect, it } from 'vitest';
import { DEFAULT_KUBECONFIG, parseKubeconfig } from './kubeconfig';

describe('parseKubeconfig', () => {
  it('gives each caller its own object, so a change by kubectl config does not leak into the next read', () => {
    const first = parseKubeconfig(DEFAULT_KUBECONFIG);
    const context = first.contexts[0].context;
    context.namespace = 'changed';
    first['current-context'] = 'other';
    const second = parseKubeconfig(DEFAULT_KUBECONFIG);
    expect(second.contexts[0].context.namespace).toBe(undefined);
    expect(second['current-context']).toBe('kubernetes-admin@kubernetes');
  });
});
