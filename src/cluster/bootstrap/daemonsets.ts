/** The kube-system DaemonSets of a kind cluster (kindnet, kube-proxy), as their controller would leave them: one ready pod per node. */
import type { ApiServer } from '../api/server';
import type { KubeObject, OwnerReference } from '../api/types';
import { DAEMONSETS, ownerRefTo } from '../controllers/runtime/resources';
import { withSideStream } from './side-stream';

interface DaemonSetPlan {
  name: string;
  /** kubeadm's kube-proxy runs on Linux nodes only; kind's kindnet has no selector. */
  nodeSelector?: Record<string, string>;
  selector: Record<string, string>;
  labels: Record<string, string>;
  container: string;
  image: string;
}

const PLANS: DaemonSetPlan[] = [
  { name: 'kindnet', selector: { app: 'kindnet' }, labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, container: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20241212-9f82dd49' },
  { name: 'kube-proxy', nodeSelector: { 'kubernetes.io/os': 'linux' }, selector: { 'k8s-app': 'kube-proxy' }, labels: { 'k8s-app': 'kube-proxy' }, container: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.0' },
];

function daemonSet(p: DaemonSetPlan): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: p.name, namespace: 'kube-system', labels: p.labels, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      selector: { matchLabels: p.selector },
      template: {
        metadata: { labels: p.labels },
        spec: {
          containers: [{ name: p.container, image: p.image }],
          hostNetwork: true,
          ...(p.nodeSelector ? { nodeSelector: p.nodeSelector } : {}),
          priorityClassName: 'system-node-critical',
          tolerations: [{ operator: 'Exists' }],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
    },
  };
}

/** Creates the DaemonSets with uids from a side stream; the owner reference for each one's pods. */
export function createSystemDaemonSets(server: ApiServer, nodeCount: number): Map<string, OwnerReference> {
  const refs = new Map<string, OwnerReference>();
  withSideStream(server.random, 0x5f3759df, () => {
    for (const plan of PLANS) {
      const ds = server.createNow(DAEMONSETS, daemonSet(plan));
      const n = nodeCount;
      server.updateStatusNow(DAEMONSETS, {
        ...ds,
        status: { currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n, observedGeneration: 1, updatedNumberScheduled: n },
      });
      refs.set(plan.name, ownerRefTo(ds));
    }
  });
  return refs;
}
