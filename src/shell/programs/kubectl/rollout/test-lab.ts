/**
 * Test helpers for rollout and set: an API server with the bootstrap objects but
 * no controllers, so tests play the StatefulSet controller themselves (status,
 * ControllerRevisions) and never depend on controller timing.
 */
import { ApiServer } from '../../../../cluster/api/server';
import type { KubeObject, ResourceType } from '../../../../cluster/api/types';
import { bootstrapCluster } from '../../../../cluster/bootstrap';
import { VirtualClock } from '../../../../cluster/clock';
import { SeededRandom } from '../../../../cluster/random';
import { MemoryFileSystem } from '../../../memory-fs';
import { DEFAULT_KUBECONFIG } from '../kubeconfig';
import type { Lab } from '../testing/harness';
import type { Json } from '../printers/types';

export const STS: ResourceType = { group: 'apps', version: 'v1', resource: 'statefulsets' };
export const REVISIONS: ResourceType = { group: 'apps', version: 'v1', resource: 'controllerrevisions' };

export function controllerFreeLab(seed = 1): Lab {
  const clock = new VirtualClock();
  const random = new SeededRandom(seed);
  const server = new ApiServer(clock, random);
  bootstrapCluster(server);
  const fs = new MemoryFileSystem(() => clock.now());
  fs.mkdir('/root/.kube', { recursive: true });
  fs.writeFile('/root/.kube/config', DEFAULT_KUBECONFIG);
  return { cluster: { client: server, clock, random, server, kubelets: [], stop() {} }, clock, fs, urls: {} };
}

export function nginxTemplate(image = 'registry.k8s.io/nginx-slim:0.24'): Json {
  return {
    metadata: { labels: { app: 'nginx' } },
    spec: {
      containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
    },
  };
}

export function statefulSet(name: string, options: { replicas?: number; updateStrategy?: Json; image?: string } = {}): KubeObject {
  const spec: Json = {
    serviceName: 'nginx',
    replicas: options.replicas ?? 3,
    selector: { matchLabels: { app: 'nginx' } },
    template: nginxTemplate(options.image),
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  };
  if (options.updateStrategy) spec.updateStrategy = options.updateStrategy;
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'default' }, spec };
}

/** Records the set's current template as ControllerRevision `revision`, as the controller's newRevision does. */
export async function recordRevision(lab: Lab, set: KubeObject, revision: number, hash: string): Promise<KubeObject> {
  const template = (set as Json).spec.template;
  const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true };
  const rev: Json = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: `${set.metadata.name}-${hash}`, namespace: set.metadata.namespace, labels: { ...template.metadata.labels, 'controller.kubernetes.io/hash': hash }, ownerReferences: [owner] },
    data: { spec: { template: { ...template, $patch: 'replace' } } },
    revision,
  };
  if (set.metadata.annotations) rev.metadata.annotations = { ...set.metadata.annotations };
  return lab.cluster.client.create(REVISIONS, rev);
}

/** Writes .status as the controller would. */
export async function setStatus(lab: Lab, name: string, status: Json): Promise<KubeObject> {
  const current = await lab.cluster.client.get(STS, 'default', name);
  return lab.cluster.client.updateStatus(STS, { ...current, status });
}
