import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { createCluster, type Cluster } from './cluster';
import { PODS, SERVICES, STATEFULSETS, type Obj } from './controllers/runtime/resources';
import { MemoryVolumeBackend } from './storage/volume-backend';
import { runFor, runUntil } from './testing/drive';
import { headlessService, statefulSet } from './testing/fixtures';
import type { ClusterSnapshot } from './snapshot';

const settle = () => new Promise<void>((r) => setImmediate(r));

/** `web` with an emptyDir beside its claim. */
function webWithCache() {
  return statefulSet({
    replicas: 1,
    spec: {
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          terminationGracePeriodSeconds: 10,
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.8',
              ports: [{ containerPort: 80, name: 'web' }],
              volumeMounts: [
                { name: 'www', mountPath: '/usr/share/nginx/html' },
                { name: 'cache', mountPath: '/cache' },
              ],
            },
          ],
          volumes: [{ name: 'cache', emptyDir: {} }],
        },
      },
    },
  });
}

async function labWithChanges() {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const volumes = new MemoryVolumeBackend(() => clock.now());
  const cluster = createCluster({ seed: 7, clock, storage: volumes });
  await cluster.client.create(SERVICES, headlessService());
  await cluster.client.create(STATEFULSETS, webWithCache());
  await runUntil(clock, async () => ((await cluster.client.get(STATEFULSETS, 'default', 'web')).status as Obj)?.readyReplicas === 1, settle);
  await runFor(clock, 5000, settle);
  const session = await cluster.client.exec('default', 'web-0');
  session.fs.writeFile('/tmp/note.txt', 'written before the reload\n');
  session.fs.mkdir('/tmp/sub/deeper', { recursive: true });
  session.fs.writeFile('/cache/blob', 'nul\u0000 and a lone surrogate \udc80 and é\n');
  session.fs.writeFile('/usr/share/nginx/html/index.html', 'web-0\n');
  session.fs.rm('/var/log/nginx/error.log');
  const pod = await cluster.client.get(PODS, 'default', 'web-0');
  const podIP = (pod.status as Obj).podIP as string;
  await runFor(clock, 2000, settle);
  await cluster.client.http({ ip: podIP, port: 80, method: 'GET', path: '/', host: podIP, userAgent: 'curl/8.5.0', fromIP: podIP });
  await cluster.client.http({ ip: podIP, port: 80, method: 'GET', path: '/missing', host: podIP, userAgent: 'curl/8.5.0', fromIP: podIP });
  return { clock, volumes, cluster, podIP };
}

/** Through JSON, as browser storage keeps it. */
const saved = (c: Cluster): ClusterSnapshot => JSON.parse(JSON.stringify(c.snapshot!())) as ClusterSnapshot;

async function restoreFrom(snapshot: ClusterSnapshot, volumes: MemoryVolumeBackend) {
  const clock = new VirtualClock(snapshot.clockTime + 60_000);
  const cluster = createCluster({ seed: 3, clock, storage: volumes, restore: snapshot });
  await runFor(clock, 2000, settle);
  return { clock, cluster };
}

const restartCount = async (c: Cluster) => ((await c.client.get(PODS, 'default', 'web-0')).status as Obj).containerStatuses[0].restartCount as number;

describe('restoring what containers keep in memory', () => {
  it('gives a resumed container its own files, emptyDir and logs back, without counting a restart', async () => {
    const { cluster, volumes } = await labWithChanges();
    const logsBefore = await cluster.client.logs('default', 'web-0');
    const before = await cluster.client.exec('default', 'web-0');
    const noteStat = before.fs.stat('/tmp/note.txt');
    const snapshot = saved(cluster);
    cluster.stop();

    const { cluster: restored } = await restoreFrom(snapshot, volumes);
    const session = await restored.client.exec('default', 'web-0');
    expect(session.fs.readFile('/tmp/note.txt')).toBe('written before the reload\n');
    expect(session.fs.stat('/tmp/note.txt')).toEqual(noteStat);
    expect(session.fs.readdir('/tmp/sub')).toEqual(['deeper']);
    expect(session.fs.readFile('/cache/blob')).toBe('nul\u0000 and a lone surrogate \udc80 and é\n');
    expect(session.fs.readFile('/usr/share/nginx/html/index.html')).toBe('web-0\n');
    expect(session.fs.exists('/var/log/nginx/error.log')).toBe(false);
    expect(session.fs.readdir('/var/log/nginx')).toEqual(['access.log']);
    expect(await restored.client.logs('default', 'web-0')).toBe(logsBefore);
    expect(await restartCount(restored)).toBe(0);
  });

  it('logs exactly what nginx printed before the reload, then goes on appending', async () => {
    const { cluster, volumes, podIP } = await labWithChanges();
    const startup = (await cluster.client.logs('default', 'web-0')).split('\n').slice(0, 16).join('\n') + '\n';
    const snapshot = saved(cluster);
    cluster.stop();
    const { cluster: restored } = await restoreFrom(snapshot, volumes);
    await restored.client.http({ ip: podIP, port: 80, method: 'GET', path: '/', host: podIP, userAgent: 'curl/8.5.0', fromIP: podIP });
    expect(await restored.client.logs('default', 'web-0')).toBe(
      startup +
        `${podIP} - - [01/Jan/2026:00:00:10 +0000] "GET / HTTP/1.1" 200 6 "-" "curl/8.5.0" "-"\n` +
        `2026/01/01 00:00:10 [error] 29#29: *1 open() "/usr/share/nginx/html/missing" failed (2: No such file or directory), client: ${podIP}, server: localhost, request: "GET /missing HTTP/1.1", host: "${podIP}"\n` +
        `${podIP} - - [01/Jan/2026:00:00:10 +0000] "GET /missing HTTP/1.1" 404 154 "-" "curl/8.5.0" "-"\n` +
        `${podIP} - - [01/Jan/2026:00:01:12 +0000] "GET / HTTP/1.1" 200 6 "-" "curl/8.5.0" "-"\n`,
    );
  });

  it('restores an older snapshot without runtime state with fresh containers, as before', async () => {
    const { cluster, volumes } = await labWithChanges();
    const snapshot = saved(cluster);
    delete snapshot.runtime;
    cluster.stop();
    const { cluster: restored } = await restoreFrom(snapshot, volumes);
    const session = await restored.client.exec('default', 'web-0');
    expect(session.fs.exists('/tmp/note.txt')).toBe(false);
    expect(session.fs.readdir('/cache')).toEqual([]);
    expect(session.fs.exists('/var/log/nginx/error.log')).toBe(true);
    // The PersistentVolume's files live in the volume backend, not in the snapshot.
    expect(session.fs.readFile('/usr/share/nginx/html/index.html')).toBe('web-0\n');
    expect((await restored.client.logs('default', 'web-0')).split('\n').length).toBe(17);
    expect(await restartCount(restored)).toBe(0);
  });

  it('saves only what differs from a fresh container', async () => {
    const { cluster } = await labWithChanges();
    const state = cluster.runtimeState!();
    const web = state.containers.find((c) => c.podName === 'web-0')!;
    expect(web.layer.map((e) => `${e.type} ${e.path}`)).toEqual(['removed /var/log/nginx/error.log', 'dir /tmp', 'file /tmp/note.txt', 'dir /tmp/sub', 'dir /tmp/sub/deeper', 'dir /var/log/nginx']);
    expect(state.emptyDirs.filter((d) => d.podUID === web.podUID).map((d) => `${d.volume} ${d.entries.map((e) => e.path).join(' ')}`)).toEqual(['cache / /blob', 'kube-api-access-zxqj6 /']);
  });

  it('moves the runtime version on writes and log lines, not on reads', async () => {
    const { cluster, podIP } = await labWithChanges();
    const session = await cluster.client.exec('default', 'web-0');
    const v0 = cluster.runtimeVersion!();
    session.fs.readFile('/tmp/note.txt');
    session.fs.readdir('/cache');
    session.fs.stat('/etc/hosts');
    session.fs.exists('/nope');
    await cluster.client.logs('default', 'web-0');
    cluster.runtimeState!();
    expect(cluster.runtimeVersion!()).toBe(v0);
    session.fs.appendFile('/tmp/note.txt', 'more\n');
    const v1 = cluster.runtimeVersion!();
    expect(v1).toBeGreaterThan(v0);
    session.fs.writeFile('/cache/other', '');
    const v2 = cluster.runtimeVersion!();
    expect(v2).toBeGreaterThan(v1);
    await cluster.client.http({ ip: podIP, port: 80, method: 'GET', path: '/', host: podIP, userAgent: 'curl/8.5.0', fromIP: podIP });
    expect(cluster.runtimeVersion!()).toBeGreaterThan(v2);
  });

  it('drops saved state of a pod deleted after the restore', async () => {
    const { cluster, volumes } = await labWithChanges();
    const snapshot = saved(cluster);
    cluster.stop();
    const { cluster: restored, clock } = await restoreFrom(snapshot, volumes);
    const uid = (await restored.client.get(PODS, 'default', 'web-0')).metadata.uid!;
    await restored.client.delete(PODS, 'default', 'web-0');
    // The StatefulSet makes a new web-0 (a new uid) that starts from a fresh container.
    await runUntil(clock, async () => {
      const pod = await restored.client.get(PODS, 'default', 'web-0').catch(() => undefined);
      return !!pod && pod.metadata.uid !== uid && !!restored.runtime!.get(pod.metadata.uid!, 'nginx');
    }, settle);
    expect(restored.runtimeState!().containers.map((c) => c.podUID === uid)).toEqual([false]);
    const session = await restored.client.exec('default', 'web-0');
    expect(session.fs.exists('/tmp/note.txt')).toBe(false);
    expect(session.fs.readdir('/cache')).toEqual([]);
  });
});
