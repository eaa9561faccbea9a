import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { VirtualClock } from '../cluster/clock';
import type { ResourceType } from '../cluster/api/types';
import { MemoryVolumeBackend } from '../cluster/storage/volume-backend';
import { createLab } from './create-lab';
import { labSlots } from './lab-slots';
import type { Lab } from './create-lab';
import { FakeDirectory } from './opfs-fake.testkit';
import { loadOpfsVolumes, savedLabVolumes } from './opfs-volumes';
import { openIdbStorage } from './persistence/idb-storage';
import { openSavedSlot } from './persistence/saved-lab';

/** One browser profile; each `load` is a page load with a sandbox slot and a lesson slot. */
function profile() {
  const idb = new IDBFactory();
  const opfs = new FakeDirectory();
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  let folders = 0;
  const slot = (database: string) =>
    openSavedSlot({
      openStorage: () => openIdbStorage(database, idb),
      loadVolumes: async (name) => loadOpfsVolumes(await opfs.getDirectoryHandle(name)),
      volumes: (name, loaded) => savedLabVolumes(Promise.resolve(opfs), name, () => clock.now(), loaded),
      memoryVolumes: () => new MemoryVolumeBackend(() => clock.now()),
      newFolderName: () => `${database}-${++folders}`,
      catchUpClock: (ms) => clock.advance(Math.max(0, ms - clock.now())),
      now: () => clock.now(),
      randomState: () => 1,
      makeLab: ({ storage, restore, home }) => createLab({ seed: 7, clock, storage, restore, files: home ?? { 'sandbox.txt': 'hi\n' } }),
    });
  return {
    /** The keys stored in `database`, once `ready` holds for them. */
    async records(database: string, ready: (keys: string[]) => boolean): Promise<string[]> {
      for (let i = 0; i < 200; i++) {
        const keys = [...(await (await openIdbStorage(database, idb)).loadAll()).keys()];
        if (ready(keys)) return keys;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`${database} was never saved`);
    },
    async load() {
      return labSlots({ sandbox: await slot('sandbox'), openLessonSlot: () => slot('lesson') });
    },
  };
}

const NAMESPACES: ResourceType = { group: '', version: 'v1', resource: 'namespaces' };
const namespaces = async (lab: Lab) =>
  (await lab.cluster.client.list(NAMESPACES, {})).items.map((n) => n.metadata.name).filter((n) => !n!.startsWith('kube-') && n !== 'default');

describe('lab slots', () => {
  it("a reload resumes the lesson's lab for the same lesson, and keeps the sandbox's lab apart", async () => {
    const p = profile();
    const first = await p.load();
    await first.sandbox().cluster.client.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'mine' } });
    const { lab, resumed } = await first.lesson('04-stable-storage', { 'web.yaml': 'x\n' }, false);
    expect(resumed).toBe(false);
    await lab.cluster.client.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lesson-work' } });
    lab.workstation.fs.writeFile(`${lab.workstation.home}/notes.txt`, 'n\n');
    await first.whenSaved();

    const second = await p.load();
    expect(await namespaces(second.sandbox())).toEqual(['mine']);
    const back = await second.lesson('04-stable-storage', { 'web.yaml': 'x\n' }, true);
    expect(back.resumed).toBe(true);
    expect(await namespaces(back.lab)).toEqual(['lesson-work']);
    expect(back.lab.workstation.fs.readdir(back.lab.workstation.home).sort()).toEqual(['.kube', 'notes.txt', 'web.yaml']);
  });

  it("a reload before any command still finds the lesson's own files at home", async () => {
    const p = profile();
    const first = await p.load();
    await first.lesson('04-stable-storage', { 'web.yaml': 'lesson file\n' }, false);
    // Wait for the lab's first save without asking for one (whenSaved would save the home itself).
    const saved = await p.records('lesson', (keys) => keys.includes('meta'));
    expect(saved).toContain('home');

    const second = await p.load();
    const back = await second.lesson('04-stable-storage', { 'web.yaml': 'lesson file\n' }, true);
    expect(back.resumed).toBe(true);
    expect(back.lab.workstation.fs.readFile(`${back.lab.workstation.home}/web.yaml`)).toBe('lesson file\n');
  });

  it('another lesson, or the same one without progress, gets a fresh lab that replaces the saved one', async () => {
    const p = profile();
    const first = await p.load();
    const { lab } = await first.lesson('04-stable-storage', {}, false);
    await lab.cluster.client.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lesson-work' } });
    await first.whenSaved();

    const second = await p.load();
    const other = await second.lesson('05-scaling', {}, true);
    expect(other.resumed).toBe(false);
    expect(await namespaces(other.lab)).toEqual([]);
    await second.whenSaved();

    const third = await p.load();
    const again = await third.lesson('04-stable-storage', {}, true);
    expect(again.resumed).toBe(false);
    expect(await namespaces(again.lab)).toEqual([]);
    const restart = await third.lesson('04-stable-storage', {}, false);
    expect(restart.resumed).toBe(false);
    expect(restart.lab).not.toBe(again.lab);
  });
});
