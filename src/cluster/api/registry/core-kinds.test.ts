import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import { createCluster } from '../../cluster';

const core = (resource: string) => ({ group: '', version: 'v1', resource });
const client = () => createCluster({ seed: 5, clock: new VirtualClock(Date.UTC(2026, 0, 1)) }).client;
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('Pod', () => {
  it('defaults the spec, admits service account and tolerations, and starts Pending', async () => {
    const pod = (await client().create(core('pods'), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.28', resources: { limits: { cpu: '100m', memory: '64Mi' } } }] },
    })) as any;
    const { containers, volumes, ...rest } = pod.spec;
    expect(rest).toEqual({
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    });
    expect(containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(containers[0].resources).toEqual({ limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '100m', memory: '64Mi' } });
    expect(volumes[0].name).toMatch(/^kube-api-access-[a-z0-9]{5}$/);
    expect(containers[0].volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumes[0].name, readOnly: true }]);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('requires containers, names and images', async () => {
    const c = client();
    expect(await errorOf(c.create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} }))).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(await errorOf(c.create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } }))).toBe(
      'Pod "p" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('requires a liveness or startup probe to pass on its first success', async () => {
    const c = client();
    const probe = { exec: { command: ['true'] }, successThreshold: 2 };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox', livenessProbe: probe, readinessProbe: probe }] } };
    expect(await errorOf(c.create(core('pods'), pod))).toBe('Pod "p" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1');
  });

  it('forbids spec changes other than images', async () => {
    const c = client();
    await c.create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    const ok = (await c.patch(core('pods'), 'default', 'p', 'strategic', { spec: { containers: [{ name: 'c', image: 'nginx:1.26' }] } })) as any;
    expect(ok.spec.containers[0].image).toBe('nginx:1.26');
    expect(await errorOf(c.patch(core('pods'), 'default', 'p', 'merge', { spec: { restartPolicy: 'Never' } }))).toBe(
      'Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it('selects pods by spec.nodeName and status.phase fields', async () => {
    const c = client();
    const list = await c.list(core('pods'), { fieldSelector: 'spec.nodeName=k8s-worker02,status.phase=Running' });
    expect(list.items.map((p) => p.metadata.name).every((n) => /^(kindnet|kube-proxy)-/.test(n!))).toBe(true);
    expect(list.items).toHaveLength(2);
  });
});

describe('Service', () => {
  it('allocates a ClusterIP and defaults ports', async () => {
    const svc = (await client().create(core('services'), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, name: 'http' }] },
    })) as any;
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(svc.spec).toEqual({
      clusterIP: svc.spec.clusterIP,
      clusterIPs: [svc.spec.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('keeps a headless service headless and needs ports otherwise', async () => {
    const c = client();
    const svc = (await c.create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { clusterIP: 'None', selector: { app: 'nginx' } } })) as any;
    expect([svc.spec.clusterIP, svc.spec.clusterIPs]).toEqual(['None', ['None']]);
    expect(await errorOf(c.create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: {} }))).toBe('Service "x" is invalid: spec.ports: Required value');
  });
});

describe('PersistentVolumeClaim', () => {
  it('gets the default StorageClass when none is named, and starts Pending', async () => {
    const pvc = (await client().create(core('persistentvolumeclaims'), {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    })) as any;
    expect(pvc.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' });
    expect(pvc.status).toEqual({ phase: 'Pending' });
  });

  it('requires access modes and a storage request', async () => {
    expect(await errorOf(client().create(core('persistentvolumeclaims'), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd' }, spec: {} }))).toBe(
      'PersistentVolumeClaim "d" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    );
  });
});

describe('Namespace deletion protection', () => {
  it('forbids deleting default like the API server', async () => {
    expect(await errorOf(client().delete(core('namespaces'), undefined, 'default'))).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});
