/**
 * A lab that survives reloads, kept in one storage slot: on open the slot's
 * records are read (API objects from IndexedDB, volume files from OPFS); the
 * saved lab is restored on request or a fresh one replaces it; every change is
 * saved as it happens. Storage trouble never stops the lab: it runs in memory
 * and the status message says what is not saved or what could not be recovered.
 */
import type { ClusterSnapshot } from '../../cluster/snapshot';
import type { VolumeBackend } from '../../cluster/storage/volume-backend';
import type { VolumeEntry } from '../../cluster/storage/mirrored-backend';
import type { Lab } from '../create-lab';
import type { LabStorage } from './idb-storage';
import { LabPersistence, type PersistenceStatus } from './lab-persistence';
import { recover, type Recovered } from './records';
import { promptAfterSave } from './prompt-after-save';
import { HOME_KEY, readHomeFiles, type HomeBody } from './home-files';
import { RUNTIME_KEY } from './runtime-record';

export type LabVolumesLike = VolumeBackend & { close?(): void; discard?(): Promise<void> };

export interface SavedLabOptions {
  openStorage(): Promise<LabStorage>;
  /** The saved volume files of folder `name` (rejects without OPFS). */
  loadVolumes(name: string): Promise<Array<[string, VolumeEntry[]]>>;
  /** Volumes kept in folder `name`, starting from `loaded`; memory ones when OPFS is unavailable. */
  volumes(name: string, loaded?: Array<[string, VolumeEntry[]]>): LabVolumesLike;
  /** Volumes in memory, for a lab that is not saved. */
  memoryVolumes(): LabVolumesLike;
  /** Removes this slot's volume folders other than `keep`. */
  removeOtherVolumes?(keep: string): Promise<void>;
  /** Claims the saved labs for this tab; false when another tab holds them. */
  claim?(): Promise<boolean>;
  /** A fresh folder name for a fresh lab's volumes. */
  newFolderName(): string;
  /** Simulated time must not go back: moves the lab clock to at least `ms`. */
  catchUpClock(ms: number): void;
  now(): number;
  randomState(): number;
  /** `home`: the home directory's files (the saved ones, or a lesson's); the starter files when absent. */
  makeLab(options: { storage: LabVolumesLike; restore?: ClusterSnapshot; home?: Record<string, string> }): Lab;
  /** Called when saving starts failing (the status has a new message). */
  onStatusChange?(): void;
}

/** What a fresh lab in a slot starts with. */
export interface FreshLab {
  /** Home directory files (the starter files when absent). */
  files?: Record<string, string>;
  /** The lesson the lab is for, kept in the saved meta so a reload can resume it. */
  lesson?: string;
}

export interface SavedSlot {
  /** The lesson the saved lab was made for; undefined for a sandbox lab or when nothing is saved. */
  readonly savedLesson: string | undefined;
  /** Restores the saved lab (once); undefined when nothing is saved or it cannot be restored (the status says why). */
  restore(): Lab | undefined;
  /** A fresh lab that replaces the slot's lab and what is saved of it; the previous lab closes. */
  fresh(options?: FreshLab): Lab;
  status(): PersistenceStatus;
  /** Resolves once every change so far is stored. */
  whenSaved(): Promise<void>;
}

const UNAVAILABLE = 'This browser does not let kubelab store data here (private window?): the lab runs in memory and is lost when the page closes.';
const OTHER_TAB = 'kubelab is open in another tab, which saves its lab: this tab runs its own lab in memory only.';

/** Reads what the slot holds; no lab exists until `restore` or `fresh`. */
export async function openSavedSlot(o: SavedLabOptions): Promise<SavedSlot> {
  const messages: string[] = [];
  let failure: string | undefined;
  const claimed = o.claim ? await o.claim().catch(() => false) : true;
  let storage: LabStorage | undefined;
  if (!claimed) messages.push(OTHER_TAB);
  else storage = await o.openStorage().catch(() => undefined);
  if (claimed && !storage) messages.push(UNAVAILABLE);

  let recovered: Recovered = { snapshot: undefined, problems: [], damagedKeys: [] };
  if (storage) {
    try {
      recovered = recover(await storage.loadAll(), { now: o.now(), random: o.randomState() });
    } catch {
      messages.push(UNAVAILABLE);
      storage = undefined;
    }
  }
  if (recovered.problems.length)
    messages.push(`${recovered.problems.length} saved record(s) could not be read and were skipped; the rest of the lab was recovered: ${recovered.problems.join('; ')}`);

  // Old folders are removed only once a lab owns its folder (restore or fresh): removing them
  // at open could race a fresh lab's new folder and delete it.
  let folder = recovered.volumes;
  let volumes: LabVolumesLike | undefined;
  let loaded: Array<[string, VolumeEntry[]]> | undefined;
  if (recovered.snapshot && storage && folder) {
    loaded = await o.loadVolumes(folder).catch(() => {
      messages.push("The saved volumes' files could not be read: the volumes start empty.");
      return [];
    });
  }

  let lab: Lab | undefined;
  let persistence: LabPersistence | undefined;
  let pending: Recovered | undefined = recovered.snapshot ? recovered : undefined;
  // The home directory has no change events: it is compared and saved after each command;
  // the containers' own files and logs are saved after a command that changed them.
  let savedHome: string | undefined;
  let savedRuntime: number | undefined;
  const saveAfterCommand = () => {
    const current = lab;
    if (!persistence || !current) return;
    const runtimeVersion = current.cluster.runtimeVersion?.();
    if (runtimeVersion !== undefined && runtimeVersion !== savedRuntime && current.cluster.runtimeState) {
      savedRuntime = runtimeVersion;
      persistence.saveRecord(RUNTIME_KEY, current.cluster.runtimeState());
    }
    let body: HomeBody;
    try {
      body = { files: readHomeFiles(current.workstation.fs, current.workstation.home) };
    } catch {
      return;
    }
    const json = JSON.stringify(body);
    if (json === savedHome) return;
    savedHome = json;
    persistence.saveRecord(HOME_KEY, body);
  };
  const whenSaved = async () => {
    saveAfterCommand();
    await persistence?.whenSaved();
    await (volumes as { flush?(): Promise<void> } | undefined)?.flush?.().catch(() => {});
  };
  // Terminals show a command's prompt only once its writes are stored.
  const makeLab = (options: Parameters<SavedLabOptions['makeLab']>[0]): Lab => {
    const made = o.makeLab(options);
    return storage ? { ...made, openTerminal: (sink, size) => made.openTerminal(promptAfterSave(sink, whenSaved), size) } : made;
  };
  const follow = (next: Lab, restored: boolean, lesson: string | undefined) => {
    const after = persistence?.stop();
    persistence = undefined;
    lab = next;
    savedHome = undefined;
    savedRuntime = undefined;
    if (!storage) return;
    persistence = new LabPersistence(storage, next.cluster, (m) => {
      failure = m;
      o.onStatusChange?.();
    }, { volumes: folder, lesson });
    persistence.start({ saveAll: !restored, clearFirst: !restored, after });
    // A fresh lab's home (a lesson's files) is saved at once: a reload before any command must find it.
    saveAfterCommand();
  };

  return {
    savedLesson: pending?.lesson,
    restore() {
      const saved = pending;
      pending = undefined;
      if (!saved?.snapshot || !storage) return undefined;
      o.catchUpClock(saved.snapshot.clockTime);
      folder ??= o.newFolderName();
      volumes = o.volumes(folder, loaded);
      let restored: Lab;
      try {
        restored = makeLab({ storage: volumes, restore: saved.snapshot, home: saved.home });
      } catch (e) {
        // Never a blank screen: a saved state the cluster cannot take gives way to a fresh lab.
        messages.push(`The saved lab could not be restored (${e instanceof Error ? e.message : String(e)}): a fresh lab was started.`);
        volumes.close?.();
        volumes = undefined;
        return undefined;
      }
      if (saved.damagedKeys.length) void storage.write(new Map(), saved.damagedKeys).catch(() => {});
      void o.removeOtherVolumes?.(folder).catch(() => {});
      follow(restored, true, saved.lesson);
      return restored;
    },
    fresh(options: FreshLab = {}) {
      pending = undefined;
      const previous = { lab, volumes };
      void previous.volumes?.discard?.().catch(() => {});
      // A new folder, and no other of this slot's folders left: nothing stale comes back on a reload.
      folder = o.newFolderName();
      if (storage) void o.removeOtherVolumes?.(folder).catch(() => {});
      volumes = storage ? o.volumes(folder) : o.memoryVolumes();
      const next = makeLab({ storage: volumes, home: options.files });
      follow(next, false, options.lesson);
      previous.lab?.close();
      return next;
    },
    status: () => ({ saving: !!persistence && !failure, message: [failure, ...messages].filter(Boolean).join('\n') || undefined }),
    whenSaved,
  };
}
