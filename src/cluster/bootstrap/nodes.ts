/** The four kubeadm/kind-like nodes of a fresh cluster. */
import type { KubeObject } from '../api/types';
import type { SeededRandom } from '../random';

export const CONTROL_PLANE = 'k8s-control-plane';
export const WORKERS = ['k8s-worker01', 'k8s-worker02', 'k8s-worker03'];

export interface NodePlan {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

export function nodePlans(): NodePlan[] {
  return [CONTROL_PLANE, ...WORKERS].map((name, i) => ({
    name,
    ip: `172.18.0.${i + 2}`,
    podCIDR: `10.244.${i}.0/24`,
    controlPlane: i === 0,
  }));
}


export function nodeObject(plan: NodePlan): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': plan.name,
    'kubernetes.io/os': 'linux',
  };
  if (plan.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const spec: Record<string, unknown> = { podCIDR: plan.podCIDR, podCIDRs: [plan.podCIDR], providerID: `kind://docker/k8s/${plan.name}` };
  if (plan.controlPlane) spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: plan.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
  };
}

export function nodeStatus(plan: NodePlan, now: string, random: SeededRandom): Record<string, unknown> {
  const resources = {
    cpu: '8',
    'ephemeral-storage': '263174212Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '16318620Ki',
    pods: '110',
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    message,
    reason,
    status,
    type,
  });
  return {
    addresses: [
      { address: plan.ip, type: 'InternalIP' },
      { address: plan.name, type: 'Hostname' },
    ],
    allocatable: { ...resources },
    capacity: { ...resources },
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      architecture: 'amd64',
      bootID: random.uid(),
      containerRuntimeVersion: 'containerd://1.7.24',
      kernelVersion: '6.1.0-27-amd64',
      kubeProxyVersion: 'v1.32.0',
      kubeletVersion: 'v1.32.0',
      machineID: random.hex(32),
      operatingSystem: 'linux',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      systemUUID: random.uid(),
    },
  };
}
