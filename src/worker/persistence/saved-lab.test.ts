import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { VirtualClock } from '../../cluster/clock';
import { PODS, PVCS, PVS, SERVICES, STATEFULSETS, type Obj } from '../../cluster/controllers/runtime/resources';
import { runUntil } from '../../cluster/testing/drive';
import { headlessService, statefulSet } from '../../cluster/testing/fixtures';
import { MemoryVolumeBackend } from '../../cluster/storage/volume-backend';
import { createLab, type Lab } from '../create-lab';
import { FakeDirectory } from '../opfs-fake.testkit';
import { loadOpfsVolumes, removeOtherSavedLabs, savedLabVolumes } from '../opfs-volumes';
import { openIdbStorage, type LabStorage } from './idb-storage';
import { openSavedSlot, type SavedLabOptions } from './saved-lab';

const settle = () => new Promise<void>((r) => setImmediate(r));

/** A browser profile: one IndexedDB, one OPFS folder; each `open` is a page load. */
function profile() {
  const idb = new IDBFactory();
  const opfs = new FakeDirectory();
  let clock = new VirtualClock(Date.UTC(2026, 0, 1));
  let folders = 0;
  /** A page load: the saved lab restored, or a fresh one. */
  const open = async (overrides: Partial<SavedLabOptions> = {}) => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const slot = await openSavedSlot({
      openStorage: () => openIdbStorage('kubelab', idb),
      loadVolumes: async (name) => loadOpfsVolumes(await opfs.getDirectoryHandle(name)),
      volumes: (name, loaded) => savedLabVolumes(Promise.resolve(opfs), name, () => clock.now(), loaded),
      memoryVolumes: () => new MemoryVolumeBackend(() => clock.now()),
      // Listing a real OPFS folder takes a while: a fresh lab's folder may appear meanwhile.
      removeOtherVolumes: async (keep) => {
        await settle();
        await removeOtherSavedLabs(opfs, keep, 'lab-');
      },
      newFolderName: () => `lab-${++folders}`,
      catchUpClock: (ms) => clock.advance(Math.max(0, ms - clock.now())),
      now: () => clock.now(),
      randomState: () => 1,
      makeLab: ({ storage, restore }) => createLab({ seed: 7, clock, storage, restore }),
      ...overrides,
    });
    const restored = slot.restore();
    const lab = restored ?? slot.fresh();
    return { lab, restored: !!restored, status: () => slot.status(), fresh: () => slot.fresh(), whenSaved: () => slot.whenSaved() };
  };
  return { open, clock: () => clock, folders: () => [...opfs.children.keys()] };
}

async function visible(lab: Lab): Promise<string[]> {
  const { client } = lab.cluster;
  const rows: string[] = [];
  for (const type of [PODS, PVCS, PVS, STATEFULSETS]) for (const o of (await client.list(type, {})).items) rows.push(JSON.stringify(o));
  return rows;
}

async function readyWeb(lab: Lab, clock: VirtualClock, n: number) {
  await runUntil(clock, async () => ((await lab.cluster.client.get(STATEFULSETS, 'default', 'web')).status as Obj)?.readyReplicas === n, settle);
}

describe('the saved sandbox lab', () => {
  it('starts fresh and saving when nothing is saved', async () => {
    const saved = await profile().open();
    expect(saved.restored).toBe(false);
    expect(saved.status()).toEqual({ saving: true, message: undefined });
  });

  it("removes the slot's old volume folders but never a fresh lab's new one", async () => {
    const p = profile();
    const first = await p.open();
    await settle();
    await settle();
    expect(p.folders()).toEqual(['lab-1']);
    first.fresh();
    await settle();
    await settle();
    expect(p.folders()).toEqual(['lab-2']);
    await first.whenSaved();

    const second = await p.open();
    await settle();
    await settle();
    expect([second.restored, p.folders(), second.status()]).toEqual([true, ['lab-2'], { saving: true, message: undefined }]);
  });

  it('comes back after a reload with the same objects and the files written in its volumes', async () => {
    const p = profile();
    const first = await p.open();
    await first.lab.cluster.client.create(SERVICES, headlessService());
    await first.lab.cluster.client.create(STATEFULSETS, statefulSet({ replicas: 2 }));
    await readyWeb(first.lab, p.clock(), 2);
    const pod = await first.lab.cluster.client.get(PODS, 'default', 'web-1');
    first.lab.cluster.runtime!.get(pod.metadata.uid!, 'nginx')!.fs.writeFile('/usr/share/nginx/html/index.html', 'web-1\n');
    await first.whenSaved();
    const before = await visible(first.lab);
    first.lab.close();

    const second = await p.open();
    expect(second.restored).toBe(true);
    expect(await visible(second.lab)).toEqual(before);
    await runUntil(p.clock(), () => !!second.lab.cluster.runtime!.get(pod.metadata.uid!, 'nginx'), settle);
    expect(second.lab.cluster.runtime!.get(pod.metadata.uid!, 'nginx')!.fs.readFile('/usr/share/nginx/html/index.html')).toBe('web-1\n');
  });

  it("keeps what lives only in a container: files outside volumes and the container's logs", async () => {
    const p = profile();
    const first = await p.open();
    await first.lab.cluster.client.create(SERVICES, headlessService());
    await first.lab.cluster.client.create(STATEFULSETS, statefulSet({ replicas: 1 }));
    await readyWeb(first.lab, p.clock(), 1);
    const pod = await first.lab.cluster.client.get(PODS, 'default', 'web-0');
    const container = first.lab.cluster.runtime!.get(pod.metadata.uid!, 'nginx')!;
    container.fs.writeFile('/tmp/scratch.txt', 'not on a volume\n');
    container.fs.rm('/etc/hostname');
    const logs = await first.lab.cluster.client.logs('default', 'web-0');
    await first.whenSaved();
    first.lab.close();

    const second = await p.open();
    await runUntil(p.clock(), () => !!second.lab.cluster.runtime!.get(pod.metadata.uid!, 'nginx'), settle);
    const back = second.lab.cluster.runtime!.get(pod.metadata.uid!, 'nginx')!;
    expect(back.fs.readFile('/tmp/scratch.txt')).toBe('not on a volume\n');
    expect(back.fs.exists('/etc/hostname')).toBe(false);
    expect(await second.lab.cluster.client.logs('default', 'web-0')).toEqual(logs);
  });

  it("keeps the learner's home directory: edited files and the kubeconfig come back after a reload", async () => {
    const p = profile();
    const makeLab: SavedLabOptions['makeLab'] = ({ storage, restore, home }) =>
      createLab({ seed: 7, clock: p.clock(), storage, restore, files: home ?? { 'web.yaml': 'replicas: 2\n' } });
    const first = await p.open({ makeLab });
    const { fs, home } = first.lab.workstation;
    fs.writeFile(`${home}/web.yaml`, 'replicas: 3\n');
    fs.mkdir(`${home}/notes`, { recursive: true });
    fs.writeFile(`${home}/notes/todo.txt`, 'scale\n');
    fs.appendFile(`${home}/.kube/config`, '# edited\n');
    await first.whenSaved();
    const kubeconfig = fs.readFile(`${home}/.kube/config`);
    first.lab.close();

    const second = await p.open({ makeLab });
    expect(second.restored).toBe(true);
    const restored = second.lab.workstation;
    expect(restored.fs.readFile(`${restored.home}/web.yaml`)).toBe('replicas: 3\n');
    expect(restored.fs.readFile(`${restored.home}/notes/todo.txt`)).toBe('scale\n');
    expect(restored.fs.readFile(`${restored.home}/.kube/config`)).toBe(kubeconfig);
    expect(kubeconfig.endsWith('# edited\n')).toBe(true);
  });

  it('a fresh sandbox starts from the starter files, not the saved home directory', async () => {
    const p = profile();
    const makeLab: SavedLabOptions['makeLab'] = ({ storage, restore, home }) =>
      createLab({ seed: 7, clock: p.clock(), storage, restore, files: home ?? { 'web.yaml': 'replicas: 2\n' } });
    const first = await p.open({ makeLab });
    first.lab.workstation.fs.writeFile(`${first.lab.workstation.home}/web.yaml`, 'replicas: 3\n');
    await first.whenSaved();
    const fresh = first.fresh();
    await first.whenSaved();
    fresh.close();

    const second = await p.open({ makeLab });
    expect(second.lab.workstation.fs.readFile(`${second.lab.workstation.home}/web.yaml`)).toBe('replicas: 2\n');
  });

  it('a fresh sandbox replaces the saved lab: the next load starts from scratch', async () => {
    const p = profile();
    const first = await p.open();
    await first.lab.cluster.client.create(SERVICES, headlessService());
    first.fresh();
    await first.whenSaved();
    const second = await p.open();
    const services = (await second.lab.cluster.client.list(SERVICES, { namespace: 'default' })).items.map((s) => s.metadata.name);
    expect(services).toEqual(['kubernetes']);
  });

  it('keeps the lab running in memory with a clear message when storage cannot be opened (private window)', async () => {
    const saved = await profile().open({ openStorage: () => Promise.reject(new DOMException('refused', 'InvalidStateError')) });
    await saved.lab.cluster.client.create(SERVICES, headlessService());
    expect(saved.status()).toEqual({
      saving: false,
      message: 'This browser does not let kubelab store data here (private window?): the lab runs in memory and is lost when the page closes.',
    });
  });

  it('reports quota exceeded, stops saving and keeps the cluster running', async () => {
    const p = profile();
    let full = false;
    let told = 0;
    const failing = async (): Promise<LabStorage> => {
      const real = await openIdbStorage('quota', new IDBFactory());
      return { ...real, write: (puts, deletes) => (full ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : real.write(puts, deletes)) };
    };
    const saved = await p.open({ openStorage: failing, onStatusChange: () => told++ });
    await saved.whenSaved();
    full = true;
    await saved.lab.cluster.client.create(SERVICES, headlessService());
    await saved.whenSaved();
    expect(told).toBe(1);
    expect(saved.status()).toEqual({
      saving: false,
      message: 'Browser storage is full: the lab keeps running, but changes from now on are not saved. Free some space or reset the lab.',
    });
    await saved.lab.cluster.client.create(STATEFULSETS, statefulSet({ replicas: 1 }));
    await readyWeb(saved.lab, p.clock(), 1);
  });

  it('recovers the rest of the lab when one saved record is damaged, and says which', async () => {
    const idb = new IDBFactory();
    const p = profile();
    const open = () => p.open({ openStorage: () => openIdbStorage('kubelab', idb) });
    const first = await open();
    await first.lab.cluster.client.create(SERVICES, headlessService());
    await first.lab.cluster.client.create(SERVICES, headlessService('other', 'other'));
    await first.whenSaved();
    const storage = await openIdbStorage('kubelab', idb);
    const records = await storage.loadAll();
    const key = 'obj/services/default/other';
    await storage.write(new Map([[key, { ...records.get(key)!, json: records.get(key)!.json.replace('other', 'OTHER') }]]), []);
    const second = await open();
    const services = (await second.lab.cluster.client.list(SERVICES, { namespace: 'default' })).items.map((s) => s.metadata.name);
    expect(services).toEqual(['kubernetes', 'nginx']);
    expect(second.status().message).toBe(
      '1 saved record(s) could not be read and were skipped; the rest of the lab was recovered: obj/services/default/other: damaged (checksum mismatch)',
    );
  });

  it('starts a fresh lab with a message when the saved state cannot be restored', async () => {
    const p = profile();
    const first = await p.open();
    await first.lab.cluster.client.create(SERVICES, headlessService());
    await first.whenSaved();
    const second = await p.open({
      makeLab: ({ storage, restore }) => {
        if (restore) throw new Error('bad object');
        return createLab({ seed: 7, clock: p.clock(), storage });
      },
    });
    expect(second.restored).toBe(false);
    expect(second.status()).toEqual({ saving: true, message: 'The saved lab could not be restored (bad object): a fresh lab was started.' });
    const services = (await second.lab.cluster.client.list(SERVICES, { namespace: 'default' })).items.map((s) => s.metadata.name);
    expect(services).toEqual(['kubernetes']);
  });
});
