import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../types';

const STS = { group: 'apps', version: 'v1', resource: 'statefulsets' };
const client = () => createCluster({ seed: 3, clock: new VirtualClock(Date.UTC(2026, 0, 1)) }).client;

/** The StatefulSet of seed 000 (apps/v1). */
const seed000 = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'nginx' } },
    serviceName: 'nginx',
    replicas: 2,
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ name: 'disk-ssd', mountPath: '/data' }] }],
      },
    },
    volumeClaimTemplates: [
      { metadata: { name: 'disk-ssd' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'alicloud-disk-ssd', resources: { requests: { storage: '20Gi' } } } },
    ],
  },
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('StatefulSet create', () => {
  it('accepts the seed-000 manifest and returns it with every v1.32 default', async () => {
    const sts = (await client().create(STS, seed000(), { fieldValidation: 'Strict' })) as any;
    expect(sts.metadata.generation).toBe(1);
    expect(sts.metadata.namespace).toBe('default');
    expect(sts.spec).toEqual({
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: 'OrderedReady',
      replicas: 2,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              image: 'nginx',
              imagePullPolicy: 'Always',
              name: 'nginx',
              ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              volumeMounts: [{ mountPath: '/data', name: 'disk-ssd' }],
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
      updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
      volumeClaimTemplates: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { creationTimestamp: null, name: 'disk-ssd' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } }, storageClassName: 'alicloud-disk-ssd', volumeMode: 'Filesystem' },
          status: { phase: 'Pending' },
        },
      ],
    });
    expect(sts.status).toEqual({ availableReplicas: 0, replicas: 0 });
  });

  it('keeps rollingUpdate nil when the strategy type is given explicitly', async () => {
    const obj = seed000() as any;
    obj.spec.updateStrategy = { type: 'RollingUpdate' };
    const sts = (await client().create(STS, obj)) as any;
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  it('rejects a selector that does not match the template labels, Go-rendering the labels', async () => {
    const obj = seed000() as any;
    obj.spec.template.metadata.labels = { app: 'web', tier: 'front' };
    expect(await errorOf(client().create(STS, obj))).toBe(
      'StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web", "tier":"front"}: `selector` does not match template `labels`',
    );
  });

  it('collects several causes into one Invalid error', async () => {
    const obj = seed000() as any;
    obj.metadata.name = 'Web';
    obj.spec.replicas = -1;
    obj.spec.podManagementPolicy = 'Foo';
    obj.spec.template.spec.restartPolicy = 'Never';
    const err = await errorOf(client().create(STS, obj));
    expect(err).toBe(
      'StatefulSet.apps "Web" is invalid: [' +
        [
          `metadata.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
          `spec.podManagementPolicy: Invalid value: "Foo": must be 'OrderedReady' or 'Parallel'`,
          'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
          'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
        ].join(', ') +
        ']',
    );
  });

  it('requires a selector (and then the labels cannot match)', async () => {
    const obj = seed000() as any;
    delete obj.spec.selector;
    expect(await errorOf(client().create(STS, obj))).toBe(
      'StatefulSet.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`]',
    );
  });

  it('fails strict decoding on unknown fields with the decoder text, in document order', async () => {
    const obj = seed000() as any;
    obj.spec.replica = 3;
    obj.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
    expect(await errorOf(client().create(STS, obj, { fieldValidation: 'Strict' }))).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy", unknown field "spec.replica"',
    );
  });

  it('drops unknown fields without strict validation', async () => {
    const obj = seed000() as any;
    obj.spec.replica = 3;
    const sts = (await client().create(STS, obj)) as any;
    expect(sts.spec.replica).toBeUndefined();
  });
});

describe('StatefulSet update', () => {
  it('bumps generation on spec changes only', async () => {
    const c = client();
    const sts = (await c.create(STS, seed000())) as any;
    const labelled = (await c.patch(STS, 'default', 'web', 'merge', { metadata: { labels: { a: 'b' } } })) as any;
    expect(labelled.metadata.generation).toBe(1);
    const scaled = (await c.patch(STS, 'default', 'web', 'merge', { spec: { replicas: 3 } })) as any;
    expect(scaled.metadata.generation).toBe(2);
    expect(Number(scaled.metadata.resourceVersion)).toBeGreaterThan(Number(sts.metadata.resourceVersion));
  });

  it('forbids changing immutable spec fields with the v1.32 text', async () => {
    const c = client();
    await c.create(STS, seed000());
    expect(await errorOf(c.patch(STS, 'default', 'web', 'merge', { spec: { serviceName: 'other' } }))).toBe(
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });

  it('rejects OnDelete while rollingUpdate remains, as the seed patch hits', async () => {
    const c = client();
    await c.create(STS, seed000());
    expect(await errorOf(c.patch(STS, 'default', 'web', 'strategic', { spec: { updateStrategy: { type: 'OnDelete' } } }))).toBe(
      "StatefulSet.apps \"web\" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'",
    );
    const ok = (await c.patch(STS, 'default', 'web', 'strategic', { spec: { updateStrategy: { type: 'OnDelete', rollingUpdate: null } } })) as any;
    expect(ok.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('ignores status in a spec update (status subresource)', async () => {
    const c = client();
    const sts = (await c.create(STS, seed000())) as any;
    const updated = (await c.update(STS, { ...sts, status: { replicas: 9, availableReplicas: 0 } })) as any;
    expect(updated.status).toEqual({ availableReplicas: 0, replicas: 0 });
    const st = (await c.updateStatus(STS, { ...sts, status: { replicas: 2, availableReplicas: 0 } })) as any;
    expect(st.status).toEqual({ replicas: 2, availableReplicas: 0 });
    expect(st.metadata.generation).toBe(1);
  });
});
