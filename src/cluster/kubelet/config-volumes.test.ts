import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { EVENTS } from '../api/events';
import { harness, type Harness } from '../testing/harness';
import { podSummary } from '../testing/pod-summary';
import { PODS, type Obj } from '../controllers/runtime/resources';
import { CONFIGMAPS, SECRETS } from './volume-setup';

const settle = () => new Promise<void>((r) => setImmediate(r));

function podWith(volume: Obj, mounts: Obj[] = [{ name: volume.name, mountPath: '/etc/mysql/conf.d' }], extra: Obj = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'nginx:1.25', volumeMounts: mounts, ...extra }], volumes: [volume] },
  };
}

const configMap = (data: Record<string, string>, name = 'mysql-config'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

async function pod(h: Harness): Promise<KubeObject> {
  return h.cluster.client.get(PODS, 'default', 'p');
}

async function eventRows(h: Harness, reason: string): Promise<string[]> {
  const events = (await h.cluster.client.list(EVENTS, { namespace: 'default' })).items;
  return events.filter((e) => e.reason === reason && (e.involvedObject as Obj).name === 'p').map((e) => `${e.type} ${e.reason} x${e.count} ${e.message}`);
}

async function readFile(h: Harness, path: string): Promise<string> {
  const uid = (await pod(h)).metadata.uid!;
  return h.cluster.runtime!.get(uid, 'c')!.fs.readFile(path);
}

describe('configMap and secret volumes', () => {
  it('keeps a pod whose ConfigMap is missing ContainerCreating, with FailedMount on each backed-off retry and no pod IP', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, podWith({ name: 'config', configMap: { name: 'mysql-config' } }));
    await h.run(20_000);
    const p = await pod(h);
    expect(podSummary(p)).toBe('p 0/1 ContainerCreating 0');
    const status = p.status as Obj;
    expect(status.podIP).toBeUndefined();
    expect(status.containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(status.conditions.find((c: Obj) => c.type === 'PodReadyToStartContainers').status).toBe('False');
    // Attempts at 0, 0.5, 1.5, 3.5, 7.5 and 15.5 seconds (backoff 500ms, doubling).
    expect(await eventRows(h, 'FailedMount')).toEqual(['Warning FailedMount x6 MountVolume.SetUp failed for volume "config" : configmap "mysql-config" not found']);
    await h.run(240_000);
    expect(podSummary(await pod(h))).toBe('p 0/1 ContainerCreating 0');
    // v1.32 logs the 2-minute WaitForAttachAndMount timeout without an event: only SetUp failures are reported.
    expect((await h.events('p')).filter((e) => e.includes('Unable to attach'))).toEqual([]);
  });

  it('starts the pod on the next retry once the ConfigMap exists, with its keys as files', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, podWith({ name: 'config', configMap: { name: 'mysql-config' } }));
    await h.run(5_000);
    await h.cluster.client.create(CONFIGMAPS, configMap({ 'my.cnf': '[mysqld]\nmax_connections=100\n' }));
    const waited = await h.until(async () => podSummary(await pod(h)) === 'p 1/1 Running 0');
    // Created at 5s; the failed attempts were at 0, 0.5, 1.5 and 3.5s, so the next one is at 7.5s.
    expect(waited).toBeGreaterThan(2_500);
    expect(waited).toBeLessThan(10_000);
    expect(await readFile(h, '/etc/mysql/conf.d/my.cnf')).toBe('[mysqld]\nmax_connections=100\n');
    expect((await pod(h)).status).toMatchObject({ podIP: expect.stringMatching(/^10\.244\./) });
  });

  it('mounts an empty directory at once for an optional ConfigMap that is missing', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, podWith({ name: 'config', configMap: { name: 'mysql-config', optional: true } }));
    await h.run(10_000);
    expect(podSummary(await pod(h))).toBe('p 1/1 Running 0');
    const uid = (await pod(h)).metadata.uid!;
    expect(h.cluster.runtime!.get(uid, 'c')!.fs.readdir('/etc/mysql/conf.d')).toEqual([]);
    expect(await eventRows(h, 'FailedMount')).toEqual([]);
  });

  it('fails the mount for an item key the ConfigMap lacks', async () => {
    const h = harness(settle);
    await h.cluster.client.create(CONFIGMAPS, configMap({ 'my.cnf': 'x' }));
    await h.cluster.client.create(PODS, podWith({ name: 'config', configMap: { name: 'mysql-config', items: [{ key: 'other.cnf', path: 'other.cnf' }] } }));
    await h.run(1_000);
    expect(podSummary(await pod(h))).toBe('p 0/1 ContainerCreating 0');
    expect(await eventRows(h, 'FailedMount')).toEqual(['Warning FailedMount x2 MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: other.cnf']);
  });

  it('skips a missing item key of an optional ConfigMap volume and starts', async () => {
    const h = harness(settle);
    await h.cluster.client.create(CONFIGMAPS, configMap({ 'my.cnf': 'x' }));
    const items = [{ key: 'other.cnf', path: 'other.cnf' }, { key: 'my.cnf', path: 'main.cnf' }];
    await h.cluster.client.create(PODS, podWith({ name: 'config', configMap: { name: 'mysql-config', optional: true, items } }));
    await h.run(10_000);
    expect(podSummary(await pod(h))).toBe('p 1/1 Running 0');
    const uid = (await pod(h)).metadata.uid!;
    expect(h.cluster.runtime!.get(uid, 'c')!.fs.readdir('/etc/mysql/conf.d')).toEqual(['main.cnf']);
  });

  it('reports a missing Secret the same way, with the secret plugin wording', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, podWith({ name: 'creds', secret: { secretName: 'db-pass' } }, [{ name: 'creds', mountPath: '/creds' }]));
    await h.run(100);
    expect(await eventRows(h, 'FailedMount')).toEqual(['Warning FailedMount x1 MountVolume.SetUp failed for volume "creds" : secret "db-pass" not found']);
  });

  it('mounts a Secret decoded and listed items at their paths', async () => {
    const h = harness(settle);
    await h.cluster.client.create(SECRETS, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-pass' }, data: { password: 'czNjcjN0' } });
    await h.cluster.client.create(PODS, podWith({ name: 'creds', secret: { secretName: 'db-pass', items: [{ key: 'password', path: 'sub/pw' }] } }, [{ name: 'creds', mountPath: '/creds' }]));
    await h.run(10_000);
    expect(podSummary(await pod(h))).toBe('p 1/1 Running 0');
    expect(await readFile(h, '/creds/sub/pw')).toBe('s3cr3t');
  });
});

describe('ConfigMap updates in mounted files', () => {
  it('reach a whole-volume mount at the next pod sync (within 60s), never a subPath mount', async () => {
    const h = harness(settle);
    await h.cluster.client.create(CONFIGMAPS, configMap({ 'my.cnf': 'v1\n' }));
    const mounts = [
      { name: 'config', mountPath: '/etc/mysql/conf.d' },
      { name: 'config', mountPath: '/etc/my.cnf', subPath: 'my.cnf' },
    ];
    await h.cluster.client.create(PODS, podWith({ name: 'config', configMap: { name: 'mysql-config' } }, mounts));
    await h.run(10_000);
    expect(podSummary(await pod(h))).toBe('p 1/1 Running 0');
    const cm = await h.cluster.client.get(CONFIGMAPS, 'default', 'mysql-config');
    await h.cluster.client.update(CONFIGMAPS, { ...cm, data: { 'my.cnf': 'v2\n', 'extra.cnf': 'e\n' } });
    await h.run(10_000);
    expect(await readFile(h, '/etc/mysql/conf.d/my.cnf')).toBe('v1\n');
    await h.run(50_000);
    expect(await readFile(h, '/etc/mysql/conf.d/my.cnf')).toBe('v2\n');
    expect(await readFile(h, '/etc/mysql/conf.d/extra.cnf')).toBe('e\n');
    expect(await readFile(h, '/etc/my.cnf')).toBe('v1\n');
  });

  it('keeps the files and reports FailedMount when the ConfigMap is deleted under a running pod', async () => {
    const h = harness(settle);
    await h.cluster.client.create(CONFIGMAPS, configMap({ 'my.cnf': 'v1\n' }));
    await h.cluster.client.create(PODS, podWith({ name: 'config', configMap: { name: 'mysql-config' } }));
    await h.run(10_000);
    await h.cluster.client.delete(CONFIGMAPS, 'default', 'mysql-config');
    await h.run(60_000);
    expect(podSummary(await pod(h))).toBe('p 1/1 Running 0');
    expect(await readFile(h, '/etc/mysql/conf.d/my.cnf')).toBe('v1\n');
    expect(await eventRows(h, 'FailedMount')).toEqual(['Warning FailedMount x1 MountVolume.SetUp failed for volume "config" : configmap "mysql-config" not found']);
  });
});

describe('environment from ConfigMaps and Secrets', () => {
  const envPod = (env: Obj[], envFrom: Obj[] = []): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'nginx:1.25', env, envFrom }] },
  });

  it('gives CreateContainerConfigError for a missing configMapKeyRef object, then starts once it exists', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, envPod([{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app', key: 'mode' } } }]));
    await h.run(5_000);
    const p = await pod(h);
    expect(podSummary(p)).toBe('p 0/1 CreateContainerConfigError 0');
    expect((p.status as Obj).containerStatuses[0].state).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: 'configmap "app" not found' } });
    expect(await eventRows(h, 'Failed')).toEqual(['Warning Failed x1 Error: configmap "app" not found']);
    await h.cluster.client.create(CONFIGMAPS, configMap({ mode: 'fast' }, 'app'));
    await h.run(20_000);
    expect(podSummary(await pod(h))).toBe('p 1/1 Running 0');
    const uid = (await pod(h)).metadata.uid!;
    expect(h.cluster.runtime!.get(uid, 'c')!.env.MODE).toBe('fast');
  });

  it('names the missing key, the Secret of a secretKeyRef and an envFrom source', async () => {
    const cases: Array<[Obj[], Obj[], string]> = [
      [[{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app', key: 'nope' } } }], [], "couldn't find key nope in ConfigMap default/app"],
      [[{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } }], [], 'secret "db" not found'],
      [[], [{ configMapRef: { name: 'settings' } }], 'configmap "settings" not found'],
      [[], [{ secretRef: { name: 'settings', optional: true } }, { secretRef: { name: 'creds' } }], 'secret "creds" not found'],
    ];
    const messages: string[] = [];
    for (const [env, envFrom] of cases) {
      const h = harness(settle);
      await h.cluster.client.create(CONFIGMAPS, configMap({ mode: 'fast' }, 'app'));
      await h.cluster.client.create(PODS, envPod(env, envFrom));
      await h.run(5_000);
      messages.push((await pod(h)).status && ((await pod(h)).status as Obj).containerStatuses[0].state.waiting?.message);
    }
    expect(messages).toEqual(cases.map((c) => c[2]));
  });

  it('starts at once when every missing reference is optional', async () => {
    const h = harness(settle);
    await h.cluster.client.create(PODS, envPod([{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app', key: 'mode', optional: true } } }], [{ configMapRef: { name: 'x', optional: true } }]));
    await h.run(5_000);
    expect(podSummary(await pod(h))).toBe('p 1/1 Running 0');
  });
});
