/** Creates a fresh kubeadm/kind-like v1.32 cluster through the API server, so every object is real. */
import { createCoreDns } from './coredns';
import { fakeDigest } from '../images/reference';
import { toRFC3339 } from '../clock';
import type { ApiServer } from '../api/server';
import type { KubeObject, ResourceType } from '../api/types';
import { createSystemDaemonSets } from './daemonsets';
import { createApiServerSlice, createControllerSlices } from './endpoint-slices';
import { nodeObject, nodePlans, nodeStatus } from './nodes';
import { systemPods } from './system-pods';

const core = (resource: string): ResourceType => ({ group: '', version: 'v1', resource });
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** A plausible self-signed cluster CA in PEM form, fixed by the seed. */
export function fakeCACertificate(server: ApiServer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines = ['MIIDBTCCAe2gAwIBAgIIL' + Array.from({ length: 43 }, () => alphabet[server.random.int(64)]).join('')];
  for (let i = 0; i < 16; i++) lines.push(Array.from({ length: 64 }, () => alphabet[server.random.int(64)]).join(''));
  lines.push(Array.from({ length: 20 }, () => alphabet[server.random.int(64)]).join('') + '==');
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** What a namespace gets from the service-account and root-CA controllers. */
export function namespaceDefaults(namespace: string, caCert: string): Array<[ResourceType, KubeObject]> {
  return [
    [core('serviceaccounts'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } }],
    [
      core('configmaps'),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
        data: { 'ca.crt': caCert },
      },
    ],
  ];
}

/** What the kubelet gives the API's mirror of a static pod: its manifest's hash, source, and its node as controller. */
function mirrorOf(pod: KubeObject, nodeUIDs: Map<string, string>, now: string): void {
  const nodeName = (pod.spec as { nodeName: string }).nodeName;
  const uid = nodeUIDs.get(nodeName);
  // kubelet hashes the manifest (MD5); a stable 32-hex digest of the pod's name stands for it.
  const hash = fakeDigest(pod.metadata.name!).slice('sha256:'.length, 'sha256:'.length + 32);
  pod.metadata.annotations = {
    ...pod.metadata.annotations,
    'kubernetes.io/config.hash': hash,
    'kubernetes.io/config.mirror': hash,
    'kubernetes.io/config.seen': now.replace('Z', '.000000000Z'),
    'kubernetes.io/config.source': 'file',
  };
  if (uid) pod.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid, controller: true }];
}

export function bootstrapCluster(server: ApiServer): { caCert: string } {
  const now = toRFC3339(server.clock.now());
  const caCert = fakeCACertificate(server);
  for (const name of SYSTEM_NAMESPACES) server.createNow(core('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const plans = nodePlans();
  const nodeUIDs = new Map<string, string>();
  for (const plan of plans) {
    const node = server.createNow(core('nodes'), nodeObject(plan));
    nodeUIDs.set(plan.name, node.metadata.uid!);
    server.updateStatusNow(core('nodes'), { ...node, status: nodeStatus(plan, now, server.random) });
  }
  for (const ns of SYSTEM_NAMESPACES) for (const [type, obj] of namespaceDefaults(ns, caCert)) server.createNow(type, obj);

  server.createNow(core('services'), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  server.createNow(core('endpoints'), {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: plans[0].ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  createApiServerSlice(server, plans[0].ip);

  const pods = systemPods(plans, now, server.random);
  const owners = createSystemDaemonSets(server, plans.length);
  const replicaSets = new Map([['coredns', createCoreDns(server, now)]]);
  const stored: KubeObject[] = [];
  for (const { pod, status, daemonSet, replicaSet, staticPod } of pods) {
    if (daemonSet) pod.metadata.ownerReferences = [owners.get(daemonSet)!];
    if (replicaSet) pod.metadata.ownerReferences = [replicaSets.get(replicaSet)!];
    if (staticPod) mirrorOf(pod, nodeUIDs, now);
    const created = server.createNow(core('pods'), pod);
    stored.push(server.updateStatusNow(core('pods'), { ...created, status: { ...status, qosClass: (created.status as { qosClass?: string }).qosClass } }));
  }
  const kubeDns = server.createNow(core('services'), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  });
  const dnsPods = stored.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
  server.createNow(core('endpoints'), {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
    subsets: [
      {
        addresses: dnsPods.map((p) => ({
          ip: (p.status as { podIP: string }).podIP,
          nodeName: (p.spec as { nodeName: string }).nodeName,
          targetRef: { kind: 'Pod', name: p.metadata.name, namespace: 'kube-system', uid: p.metadata.uid },
        })),
        ports: [
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      },
    ],
  });
  createControllerSlices(server, kubeDns, dnsPods);

  server.createNow({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  return { caCert };
}
