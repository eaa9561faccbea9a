/** Manifests the controller tests build on: a headless Service and a StatefulSet like the tutorial's `web`. */
import type { KubeObject } from '../api/types';
import type { Obj } from '../controllers/runtime/resources';

export function headlessService(name = 'nginx', app = 'nginx'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: { app } },
    spec: { clusterIP: 'None', ports: [{ name: 'web', port: 80 }], selector: { app } },
  };
}

export function statefulSet(options: { name?: string; replicas?: number; image?: string; policy?: 'OrderedReady' | 'Parallel'; storageClassName?: string; spec?: Obj } = {}): KubeObject {
  const name = options.name ?? 'web';
  const claim: Obj = { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  if (options.storageClassName !== undefined) claim.spec.storageClassName = options.storageClassName;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      replicas: options.replicas ?? 3,
      ...(options.policy ? { podManagementPolicy: options.policy } : {}),
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          terminationGracePeriodSeconds: 10,
          containers: [{ name: 'nginx', image: options.image ?? 'registry.k8s.io/nginx-slim:0.8', ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
        },
      },
      volumeClaimTemplates: [claim],
      ...(options.spec ?? {}),
    },
  };
}
