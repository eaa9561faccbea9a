/**
 * The EndpointSlices a fresh cluster already has: the apiserver's own
 * `kubernetes` slice (pkg/controlplane/reconcilers endpointsadapter: named
 * like the Service, only the service-name label, ready-only conditions, no
 * owner), and kube-dns's, as the EndpointSlice controller would write it.
 */
import type { ApiServer } from '../api/server';
import type { KubeObject } from '../api/types';
import { ENDPOINT_SLICES } from '../controllers/runtime/resources';
import { withTriggerTime } from '../controllers/endpointslice/controller';
import { LABEL_SERVICE_NAME } from '../controllers/endpointslice/endpoints';
import { reconcile } from '../controllers/endpointslice/reconciler';
import { TriggerTimeTracker } from '../controllers/endpointslice/trigger-time';

export function createApiServerSlice(server: ApiServer, ip: string): KubeObject {
  return server.createNow(ENDPOINT_SLICES, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [LABEL_SERVICE_NAME]: 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
}

/** The controller's slices for a Service whose pods already run (kube-dns at bootstrap). */
export function createControllerSlices(server: ApiServer, service: KubeObject, pods: KubeObject[]): KubeObject[] {
  const triggerTime = new TriggerTimeTracker().compute('', service, pods);
  return reconcile(service, pods, []).create.map((slice) => server.createNow(ENDPOINT_SLICES, withTriggerTime(slice, triggerTime)));
}
