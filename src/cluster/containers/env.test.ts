import { describe, expect, it } from 'vitest';
import { Store } from '../api/store';
import type { KubeObject } from '../api/types';
import { containerEnv } from './env';

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default', uid: 'u1' }, spec: { enableServiceLinks: false } };

describe('container environment from ConfigMap and Secret references', () => {
  it('takes present keys and leaves optional references to missing objects or keys unset', () => {
    const store = new Store();
    store.load('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'fast' } });
    store.load('secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { user: 'cm9vdA==' } });
    const env = containerEnv(
      store,
      pod,
      {
        name: 'app',
        env: [
          { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } },
          { name: 'USER_NAME', valueFrom: { secretKeyRef: { name: 'creds', key: 'user' } } },
          { name: 'MISSING_KEY', valueFrom: { configMapKeyRef: { name: 'settings', key: 'other', optional: true } } },
          { name: 'MISSING_SECRET', valueFrom: { secretKeyRef: { name: 'nope', key: 'k', optional: true } } },
        ],
      },
      {},
      'app',
      '10.244.1.2',
    );
    expect(env).toEqual({ HOSTNAME: 'app', MODE: 'fast', USER_NAME: 'root', HOME: '/root' });
  });
});
