/**
 * kube-system's coredns Deployment and its ReplicaSet, as kubeadm and the
 * Deployment controller leave them on a kind cluster: two ready replicas, the
 * ReplicaSet named by its template hash. Their status is what the controllers
 * would write, so starting them changes nothing.
 */
import type { ApiServer } from '../api/server';
import type { KubeObject, OwnerReference } from '../api/types';
import { DEPLOYMENTS, REPLICASETS, ownerRefTo, scaledValueFromIntOrPercent } from '../controllers/runtime/resources';
import { withSideStream } from './side-stream';

export const COREDNS_HASH = '668d6bf9bc';
const REPLICAS = 2;
const MAX_SURGE = '25%';

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
  return withSideStream(server.random, 0x2545f491, () => {
    const labels = { 'k8s-app': 'kube-dns' };
    const deployment = server.createNow(DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels, annotations: { 'deployment.kubernetes.io/revision': '1' } },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: MAX_SURGE, maxUnavailable: 1 } },
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
    const rs: KubeObject = server.createNow(REPLICASETS, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: 'kube-system',
        labels: hashed,
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(REPLICAS), 'deployment.kubernetes.io/max-replicas': String(REPLICAS + scaledValueFromIntOrPercent(MAX_SURGE, REPLICAS, true)), 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [ownerRefTo(deployment)],
      },
      spec: { replicas: REPLICAS, selector: { matchLabels: hashed }, template: podTemplate(hashed) },
    });
    server.updateStatusNow(REPLICASETS, {
      ...rs,
      status: { replicas: REPLICAS, fullyLabeledReplicas: REPLICAS, readyReplicas: REPLICAS, availableReplicas: REPLICAS, observedGeneration: rs.metadata.generation },
    });
    return ownerRefTo(rs);
  });
}
