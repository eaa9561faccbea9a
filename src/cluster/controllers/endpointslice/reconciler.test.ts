import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import type { Obj } from '../runtime/resources';
import { reconcile } from './reconciler';

const service = (spec: Obj = {}, labels: Record<string, string> = { app: 'nginx' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'nginx', namespace: 'default', uid: 'svc-uid', labels },
  spec: { clusterIP: 'None', ipFamilies: ['IPv4'], ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'nginx' }, ...spec },
});

function pod(name: string, ip: string | undefined, opts: { ready?: boolean; deleting?: boolean; phase?: string; sts?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'nginx' }, ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}) },
    spec: { nodeName: 'kind-worker', ...(opts.sts ? { hostname: name, subdomain: 'nginx' } : {}), containers: [{ name: 'nginx', ports: [{ name: 'web', containerPort: 80 }] }] },
    status: {
      phase: opts.phase ?? 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastTransitionTime: '2026-01-01T00:00:05Z' }],
    },
  };
}

/** Gives planned creations a name, as the apiserver's generateName would. */
function stored(plan: { create: KubeObject[] }, names = ['nginx-abcde', 'nginx-fghij', 'nginx-klmno']): KubeObject[] {
  return plan.create.map((s, i) => ({ ...s, metadata: { ...s.metadata, name: names[i], resourceVersion: '1' } }));
}

describe('endpointslice reconciler', () => {
  it('plans one slice named after the service, owned by it, listing ready StatefulSet pods with hostnames', () => {
    const plan = reconcile(service(), [pod('web-0', '10.244.1.2', { sts: true }), pod('web-1', '10.244.2.2', { sts: true })], []);
    expect(plan.update).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.create).toEqual([
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: 'nginx-',
          namespace: 'default',
          labels: { app: 'nginx', 'service.kubernetes.io/headless': '', 'kubernetes.io/service-name': 'nginx', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'nginx', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }],
        },
        addressType: 'IPv4',
        endpoints: [
          { addresses: ['10.244.1.2'], conditions: { ready: true, serving: true, terminating: false }, hostname: 'web-0', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: 'uid-web-0' }, nodeName: 'kind-worker' },
          { addresses: ['10.244.2.2'], conditions: { ready: true, serving: true, terminating: false }, hostname: 'web-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'uid-web-1' }, nodeName: 'kind-worker' },
        ],
        ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
      },
    ]);
  });

  it('sets no hostname for a pod whose subdomain is another service', () => {
    const other = { ...pod('web-0', '10.244.1.2', { sts: true }) };
    (other.spec as Obj).subdomain = 'elsewhere';
    expect(reconcile(service(), [other], []).create[0].endpoints).toEqual([
      { addresses: ['10.244.1.2'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: 'uid-web-0' }, nodeName: 'kind-worker' },
    ]);
  });

  it('updates the same slice in place when a pod turns unready, then terminating', () => {
    const first = stored(reconcile(service(), [pod('web-0', '10.244.1.2')], []));
    const unready = reconcile(service(), [pod('web-0', '10.244.1.2', { ready: false })], first);
    expect([unready.create.length, unready.delete.length, unready.update.map((s) => s.metadata.name)]).toEqual([0, 0, ['nginx-abcde']]);
    expect((unready.update[0].endpoints as Obj[])[0].conditions).toEqual({ ready: false, serving: false, terminating: false });
    const terminating = reconcile(service(), [pod('web-0', '10.244.1.2', { deleting: true })], unready.update);
    expect((terminating.update[0].endpoints as Obj[])[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('marks every endpoint ready under publishNotReadyAddresses', () => {
    const plan = reconcile(service({ publishNotReadyAddresses: true }), [pod('web-0', '10.244.1.2', { ready: false })], []);
    expect((plan.create[0].endpoints as Obj[])[0].conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('plans nothing when the slices already match', () => {
    const pods = [pod('web-0', '10.244.1.2')];
    expect(reconcile(service(), pods, stored(reconcile(service(), pods, [])))).toEqual({ create: [], update: [], delete: [] });
  });

  it('leaves out pods without an IP and finished pods, keeping an empty placeholder slice', () => {
    const plan = reconcile(service(), [pod('web-0', undefined), pod('job-1', '10.244.1.9', { phase: 'Succeeded' })], []);
    expect(plan.create.map((s) => [s.metadata.generateName, s.endpoints, s.ports])).toEqual([['nginx-', null, null]]);
    expect(reconcile(service(), [], stored(plan))).toEqual({ create: [], update: [], delete: [] });
  });

  it('turns the last slice into an empty placeholder by updating it when its pods go', () => {
    const first = stored(reconcile(service(), [pod('web-0', '10.244.1.2')], []));
    const plan = reconcile(service(), [], first);
    expect([plan.create.length, plan.delete.length]).toEqual([0, 0]);
    expect(plan.update.map((s) => [s.metadata.name, s.endpoints, s.ports])).toEqual([['nginx-abcde', null, null]]);
  });

  it('splits more than 100 endpoints across slices of at most 100', () => {
    const pods = Array.from({ length: 130 }, (_, i) => pod(`p-${i}`, `10.244.${Math.floor(i / 200) + 1}.${(i % 200) + 2}`));
    const plan = reconcile(service(), pods, []);
    expect(plan.create.map((s) => (s.endpoints as Obj[]).length)).toEqual([100, 30]);
  });

  it('follows a change of the service labels', () => {
    const first = stored(reconcile(service(), [pod('web-0', '10.244.1.2')], []));
    const plan = reconcile(service({}, { app: 'nginx', tier: 'web' }), [pod('web-0', '10.244.1.2')], first);
    expect(plan.update[0].metadata.labels).toEqual({ app: 'nginx', tier: 'web', 'service.kubernetes.io/headless': '', 'kubernetes.io/service-name': 'nginx', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
  });

  it('groups pods by the ports they resolve, a named targetPort per pod', () => {
    const named = service({ clusterIP: '10.96.10.10', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'web' }] });
    const other = pod('b', '10.244.1.3');
    (other.spec as Obj).containers[0].ports = [{ name: 'web', containerPort: 8080 }];
    const plan = reconcile(named, [pod('a', '10.244.1.2'), other], []);
    expect(plan.create.map((s) => [s.ports, (s.endpoints as Obj[]).map((e) => e.addresses[0]), s.metadata.labels?.['service.kubernetes.io/headless']])).toEqual([
      [[{ name: 'http', port: 80, protocol: 'TCP' }], ['10.244.1.2'], undefined],
      [[{ name: 'http', port: 8080, protocol: 'TCP' }], ['10.244.1.3'], undefined],
    ]);
  });
});
