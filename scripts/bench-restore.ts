// Time to restore a saved lab (objects from IndexedDB, volume files from OPFS), measured with in-memory fakes of both.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { VirtualClock } from '../src/cluster/clock';
import { PODS, SERVICES, STATEFULSETS, type Obj } from '../src/cluster/controllers/runtime/resources';
import { runUntil } from '../src/cluster/testing/drive';
import { headlessService, statefulSet } from '../src/cluster/testing/fixtures';
import { MemoryVolumeBackend } from '../src/cluster/storage/volume-backend';
import { createLab } from '../src/worker/create-lab';
import { FakeDirectory } from '../src/worker/opfs-fake.testkit';
import { loadOpfsVolumes, savedLabVolumes } from '../src/worker/opfs-volumes';
import { openIdbStorage } from '../src/worker/persistence/idb-storage';
import { openSavedSlot } from '../src/worker/persistence/saved-lab';

const settle = () => new Promise<void>((r) => setImmediate(r));

/** Milliseconds from page start to a restored lab with `pods` running pods, each with a volume holding one file. */
export async function restoreFigures(pods: number): Promise<{ saveMs: number; commandSaveMs: number; restoreMs: number; records: number }> {
  const idb = new IDBFactory();
  const opfs = new FakeDirectory();
  let clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const open = async () => {
    const slot = await openSavedSlot({
      openStorage: () => openIdbStorage('bench', idb),
      loadVolumes: async (name) => loadOpfsVolumes(await opfs.getDirectoryHandle(name)),
      volumes: (name, loaded) => savedLabVolumes(Promise.resolve(opfs), name, () => clock.now(), loaded),
      memoryVolumes: () => new MemoryVolumeBackend(() => clock.now()),
      newFolderName: () => 'lab-1',
      catchUpClock: (ms) => clock.advance(Math.max(0, ms - clock.now())),
      now: () => clock.now(),
      randomState: () => 1,
      makeLab: ({ storage, restore }) => createLab({ seed: 7, clock, storage, restore }),
    });
    return { lab: slot.restore() ?? slot.fresh(), whenSaved: () => slot.whenSaved() };
  };
  const first = await open();
  const { client } = first.lab.cluster;
  await client.create(SERVICES, headlessService());
  await client.create(STATEFULSETS, statefulSet({ replicas: pods, policy: 'Parallel' }));
  await runUntil(clock, async () => ((await client.get(STATEFULSETS, 'default', 'web')).status as Obj)?.readyReplicas === pods, settle, 3_600_000);
  for (const pod of (await client.list(PODS, { namespace: 'default' })).items)
    first.lab.cluster.runtime!.get(pod.metadata.uid!, 'nginx')!.fs.writeFile('/usr/share/nginx/html/index.html', `${pod.metadata.name}\n`);
  const saveStart = performance.now();
  await first.whenSaved();
  const saveMs = performance.now() - saveStart;
  // A later command that changed one container's file: its prompt waits for this save.
  const one = (await client.list(PODS, { namespace: 'default' })).items[0];
  first.lab.cluster.runtime!.get(one.metadata.uid!, 'nginx')!.fs.writeFile('/tmp/note', 'x\n');
  const commandStart = performance.now();
  await first.whenSaved();
  const commandSaveMs = performance.now() - commandStart;
  first.lab.close();
  const records = (await (await openIdbStorage('bench', idb)).loadAll()).size;

  clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const start = performance.now();
  const second = await open();
  await runUntil(clock, () => second.lab.cluster.kubelets.length > 0 && countRunning(second.lab) === pods, settle);
  const restoreMs = performance.now() - start;
  second.lab.close();
  return { saveMs: Math.round(saveMs), commandSaveMs: Math.round(commandSaveMs), restoreMs: Math.round(restoreMs), records };
}

function countRunning(lab: { cluster: { server: { store: { peekList(r: string, ns?: string): Array<{ metadata: { uid?: string } }> } }; runtime?: { get(uid: string, name: string): unknown } } }): number {
  return lab.cluster.server.store.peekList('pods', 'default').filter((p) => lab.cluster.runtime?.get(p.metadata.uid!, 'nginx')).length;
}

if (process.argv[1]?.endsWith('bench-restore.ts')) restoreFigures(100).then((r) => console.log(JSON.stringify(r)));
