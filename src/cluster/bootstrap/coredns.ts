/**
 * kube-system's coredns Deployment and its ReplicaSet, as kubeadm and the
 * Deployment controller leave them on a kind cluster: two ready replicas, the
 * ReplicaSet named by its template hash. Their status is what the controllers
 * would write, so starting them changes nothing.
 */
import type { ApiServer } from '../api/server';
import type { KubeObject, OwnerReference } from '../api/types';

const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
const REPLICASETS = { group: 'apps', version: 'v1', resource: 'replicasets' };
export const COREDNS_HASH = '668d6bf9bc';
const REPLICAS = 2;

function podTemplate(labels: Record<string, string>): Record<string, unknown> {
  return {
    metadata: { labels },
    spec: {
      containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3' }],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-cluster-critical',
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }],
    },
  };
}

/** Creates both (uids from a stream apart from the seeded one, as the DaemonSets do); the owner reference for the pods. */
export function createCoreDns(server: ApiServer, now: string): OwnerReference {
  const saved = server.random.getState();
  server.random.setState(saved ^ 0x2545f491);
  try {
    const labels = { 'k8s-app': 'kube-dns' };
    const deployment = server.createNow(DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels, annotations: { 'deployment.kubernetes.io/revision': '1' } },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: podTemplate(labels),
      },
    });
    const condition = (type: string, reason: string, message: string) => ({ lastTransitionTime: now, lastUpdateTime: now, message, reason, status: 'True', type });
    const rsName = `coredns-${COREDNS_HASH}`;
    server.updateStatusNow(DEPLOYMENTS, {
      ...deployment,
      status: {
        observedGeneration: deployment.metadata.generation,
        replicas: REPLICAS,
        updatedReplicas: REPLICAS,
        readyReplicas: REPLICAS,
        availableReplicas: REPLICAS,
        conditions: [
          condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
          condition('Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`),
        ],
      },
    });
    const hashed = { ...labels, 'pod-template-hash': COREDNS_HASH };
    const owner: OwnerReference = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'coredns', uid: deployment.metadata.uid!, controller: true, blockOwnerDeletion: true };
    const rs: KubeObject = server.createNow(REPLICASETS, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: 'kube-system',
        labels: hashed,
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(REPLICAS), 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [owner],
      },
      spec: { replicas: REPLICAS, selector: { matchLabels: hashed }, template: podTemplate(hashed) },
    });
    server.updateStatusNow(REPLICASETS, {
      ...rs,
      status: { replicas: REPLICAS, fullyLabeledReplicas: REPLICAS, readyReplicas: REPLICAS, availableReplicas: REPLICAS, observedGeneration: rs.metadata.generation },
    });
    return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true };
  } finally {
    server.random.setState(saved);
  }
}
