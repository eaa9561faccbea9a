/** Hand-built API objects for describer tests (shapes as the API server stores them). */
import type { Json } from '../printers/types';

export const T0 = '2026-01-01T00:00:00Z';
export const NOW = Date.parse('2026-01-01T00:02:00Z');

const owner = (kind: string, name: string, uid: string) => [{ apiVersion: 'apps/v1', kind, name, uid, controller: true, blockOwnerDeletion: true }];

export function runningPod(name: string, ordinal: number): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `pod-uid-${ordinal}`,
      creationTimestamp: T0,
      labels: { app: 'nginx', 'apps.kubernetes.io/pod-index': String(ordinal), 'controller-revision-hash': 'web-7c5d9f6b8', 'statefulset.kubernetes.io/pod-name': name },
      ownerReferences: owner('StatefulSet', 'web', 'sts-uid'),
    },
    spec: {
      priority: 0,
      serviceAccountName: 'default',
      nodeName: 'kind-worker',
      containers: [
        {
          name: 'nginx',
          image: 'registry.k8s.io/nginx-slim:0.24',
          ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
          volumeMounts: [
            { name: 'www', mountPath: '/usr/share/nginx/html' },
            { name: 'kube-api-access-x2k9f', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'www', persistentVolumeClaim: { claimName: `www-${name}` } },
        {
          name: 'kube-api-access-x2k9f',
          projected: {
            sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: { items: [] } }],
          },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: T0,
      qosClass: 'BestEffort',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
      containerStatuses: [
        {
          name: 'nginx',
          containerID: 'containerd://4f5e',
          image: 'registry.k8s.io/nginx-slim:0.24',
          imageID: 'registry.k8s.io/nginx-slim@sha256:8a2c',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: '2026-01-01T00:00:05Z' } },
        },
      ],
    },
  };
}

export function event(involved: Json, reason: string, message: string, options: { type?: string; first?: string; last?: string; count?: number; component?: string } = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involved.metadata.name}.${reason}`, namespace: 'default' },
    involvedObject: { kind: involved.kind, name: involved.metadata.name, namespace: 'default', uid: involved.metadata.uid },
    reason,
    message,
    type: options.type ?? 'Normal',
    source: { component: options.component ?? 'kubelet' },
    firstTimestamp: options.first ?? T0,
    lastTimestamp: options.last ?? options.first ?? T0,
    count: options.count ?? 1,
  };
}

export function webStatefulSet(): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'sts-uid', creationTimestamp: T0, generation: 1 },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: { app: 'nginx' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.24',
              ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
              volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
    status: { replicas: 3, readyReplicas: 3, observedGeneration: 1 },
  };
}
