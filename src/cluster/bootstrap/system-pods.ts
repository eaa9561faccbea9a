/** The kube-system pods a kind cluster runs, created already Running (DaemonSet pods name their DaemonSet). */
import { COREDNS_HASH } from './coredns';
import type { KubeObject } from '../api/types';
import type { SeededRandom } from '../random';
import type { NodePlan } from './nodes';

export interface SystemPod {
  pod: KubeObject;
  status: Record<string, unknown>;
  /** The kube-system DaemonSet that owns the pod. */
  daemonSet?: string;
  /** The kube-system ReplicaSet (of a Deployment) that owns the pod. */
  replicaSet?: string;
  /** A static pod the kubelet runs from a manifest file: the API holds its mirror, owned by its node. */
  staticPod?: boolean;
}

interface PodPlan {
  name: string;
  app: Record<string, string>;
  image: string;
  container: string;
  node: NodePlan;
  ip: string;
  hostNetwork: boolean;
  priorityClassName: string;
  daemonSet?: string;
  replicaSet?: string;
  staticPod?: boolean;
}

function build(p: PodPlan, now: string, random: SeededRandom): SystemPod {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: 'kube-system', labels: p.app },
    spec: {
      containers: [{ name: p.container, image: p.image }],
      nodeName: p.node.name,
      hostNetwork: p.hostNetwork || undefined,
      priorityClassName: p.priorityClassName,
      priority: p.priorityClassName === 'system-node-critical' ? 2000001000 : 2000000000,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
    },
  };
  const cond = (type: string) => ({ lastProbeTime: null, lastTransitionTime: now, status: 'True', type });
  const status = {
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
    containerStatuses: [
      {
        containerID: `containerd://${random.hex(64)}`,
        image: p.image,
        imageID: p.image,
        lastState: {},
        name: p.container,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: now } },
      },
    ],
    hostIP: p.node.ip,
    hostIPs: [{ ip: p.node.ip }],
    phase: 'Running',
    podIP: p.ip,
    podIPs: [{ ip: p.ip }],
    qosClass: 'BestEffort',
    startTime: now,
  };
  return { pod, status, daemonSet: p.daemonSet, replicaSet: p.replicaSet, staticPod: p.staticPod };
}

export function systemPods(nodes: NodePlan[], now: string, random: SeededRandom): SystemPod[] {
  const cp = nodes[0];
  const plans: PodPlan[] = [];
  for (let i = 0; i < 2; i++)
    plans.push({
      name: `coredns-${COREDNS_HASH}-${random.string(5)}`,
      app: { 'k8s-app': 'kube-dns', 'pod-template-hash': COREDNS_HASH },
      image: 'registry.k8s.io/coredns/coredns:v1.11.3',
      container: 'coredns',
      node: cp,
      ip: `10.244.0.${i + 2}`,
      hostNetwork: false,
      priorityClassName: 'system-cluster-critical',
      replicaSet: 'coredns',
    });
  const staticPod = (component: string, image: string): PodPlan => ({
    name: `${component}-${cp.name}`,
    app: { component, tier: 'control-plane' },
    image,
    container: component,
    node: cp,
    ip: cp.ip,
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    staticPod: true,
  });
  plans.push(staticPod('etcd', 'registry.k8s.io/etcd:3.5.16-0'));
  for (const node of nodes)
    plans.push({
      name: `kindnet-${random.string(5)}`,
      app: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
      image: 'docker.io/kindest/kindnetd:v20241212-9f82dd49',
      container: 'kindnet-cni',
      node,
      ip: node.ip,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      daemonSet: 'kindnet',
    });
  for (const c of ['kube-apiserver', 'kube-controller-manager']) plans.push(staticPod(c, `registry.k8s.io/${c}:v1.32.0`));
  for (const node of nodes)
    plans.push({
      name: `kube-proxy-${random.string(5)}`,
      app: { 'k8s-app': 'kube-proxy' },
      image: 'registry.k8s.io/kube-proxy:v1.32.0',
      container: 'kube-proxy',
      node,
      ip: node.ip,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      daemonSet: 'kube-proxy',
    });
  plans.push(staticPod('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.32.0'));
  return plans.map((p) => build(p, now, random));
}
