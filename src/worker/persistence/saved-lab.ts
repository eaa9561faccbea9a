/**
 * The sandbox lab that survives reloads: on start it is restored from storage
 * (API objects from IndexedDB, volume files from OPFS) or made fresh; every
 * change is saved as it happens; a fresh sandbox (reset) replaces the saved
 * one. Storage trouble never stops the lab: it runs in memory and the status
 * message says what is not saved or what could not be recovered.
 */
import type { ClusterSnapshot } from '../../cluster/snapshot';
import type { VolumeBackend } from '../../cluster/storage/volume-backend';
import type { VolumeEntry } from '../../cluster/storage/mirrored-backend';
import type { Lab } from '../create-lab';
import type { LabStorage } from './idb-storage';
import { LabPersistence, type PersistenceStatus } from './lab-persistence';
import { recover } from './records';
import { promptAfterSave } from './prompt-after-save';
import { HOME_KEY, readHomeFiles, type HomeBody } from './home-files';

export type LabVolumesLike = VolumeBackend & { close?(): void; discard?(): Promise<void> };

export interface SavedLabOptions {
  openStorage(): Promise<LabStorage>;
  /** The saved volume files of folder `name` (rejects without OPFS). */
  loadVolumes(name: string): Promise<Array<[string, VolumeEntry[]]>>;
  /** Volumes kept in folder `name`, starting from `loaded`; memory ones when OPFS is unavailable. */
  volumes(name: string, loaded?: Array<[string, VolumeEntry[]]>): LabVolumesLike;
  /** Volumes in memory, for a lab that is not saved. */
  memoryVolumes(): LabVolumesLike;
  /** Removes volume folders other than `keep`. */
  removeOtherVolumes?(keep: string): Promise<void>;
  /** Claims the saved lab for this tab; false when another tab holds it. */
  claim?(): Promise<boolean>;
  /** A fresh folder name for a fresh lab's volumes. */
  newFolderName(): string;
  /** Simulated time must not go back: moves the lab clock to at least `ms`. */
  catchUpClock(ms: number): void;
  now(): number;
  randomState(): number;
  /** `home`: the saved home directory's files, to start with instead of the starter files. */
  makeLab(options: { storage: LabVolumesLike; restore?: ClusterSnapshot; home?: Record<string, string> }): Lab;
  /** Called when saving starts failing (the status has a new message). */
  onStatusChange?(): void;
}

export interface SavedLab {
  /** The lab to start with: the restored one, or a fresh one. */
  lab: Lab;
  restored: boolean;
  status(): PersistenceStatus;
  /** A fresh lab that replaces the saved one (its records and volume files go). */
  fresh(): Lab;
  /** Resolves once every change so far is stored. */
  whenSaved(): Promise<void>;
}

const UNAVAILABLE = 'This browser does not let kubelab store data here (private window?): the lab runs in memory and is lost when the page closes.';
const OTHER_TAB = 'kubelab is open in another tab, which saves its lab: this tab runs its own lab in memory only.';

export async function openSavedLab(o: SavedLabOptions): Promise<SavedLab> {
  const messages: string[] = [];
  let failure: string | undefined;
  const claimed = o.claim ? await o.claim().catch(() => false) : true;
  let storage: LabStorage | undefined;
  if (!claimed) messages.push(OTHER_TAB);
  else storage = await o.openStorage().catch(() => undefined);
  if (claimed && !storage) messages.push(UNAVAILABLE);

  let recovered: ReturnType<typeof recover> = { snapshot: undefined, problems: [], damagedKeys: [] };
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

  let folder = recovered.volumes ?? o.newFolderName();
  let volumes: LabVolumesLike;
  const snapshot = recovered.snapshot;
  if (snapshot && storage) {
    const loaded = await o.loadVolumes(folder).catch(() => {
      messages.push("The saved volumes' files could not be read: the volumes start empty.");
      return [];
    });
    volumes = o.volumes(folder, loaded);
  } else volumes = storage ? o.volumes(folder) : o.memoryVolumes();

  let lab: Lab | undefined;
  let persistence: LabPersistence | undefined;
  // The home directory has no change events: it is compared and saved after each command.
  let savedHome: string | undefined;
  const saveHome = () => {
    const workstation = lab?.workstation;
    if (!persistence || !workstation) return;
    let body: HomeBody;
    try {
      body = { files: readHomeFiles(workstation.fs, workstation.home) };
    } catch {
      return;
    }
    const json = JSON.stringify(body);
    if (json === savedHome) return;
    savedHome = json;
    persistence.saveRecord(HOME_KEY, body);
  };
  const whenSaved = async () => {
    saveHome();
    await persistence?.whenSaved();
    await (volumes as { flush?(): Promise<void> }).flush?.().catch(() => {});
  };
  // Terminals show a command's prompt only once its writes are stored.
  const makeLab = (options: Parameters<SavedLabOptions['makeLab']>[0]): Lab => {
    const made = o.makeLab(options);
    return storage ? { ...made, openTerminal: (sink, size) => made.openTerminal(promptAfterSave(sink, whenSaved), size) } : made;
  };
  const follow = (next: Lab, restored: boolean) => {
    const after = persistence?.stop();
    persistence = undefined;
    if (!storage) return;
    persistence = new LabPersistence(storage, next.cluster, (m) => {
      failure = m;
      o.onStatusChange?.();
    }, { volumes: folder });
    persistence.start({ saveAll: !restored, clearFirst: !restored, after });
    savedHome = undefined;
  };
  let restored: Lab | undefined;
  if (snapshot && storage) {
    o.catchUpClock(snapshot.clockTime);
    try {
      restored = makeLab({ storage: volumes, restore: snapshot, home: recovered.home });
    } catch (e) {
      // Never a blank screen: a saved state the cluster cannot take gives way to a fresh lab.
      messages.push(`The saved lab could not be restored (${e instanceof Error ? e.message : String(e)}): a fresh lab was started.`);
      folder = o.newFolderName();
      volumes = o.volumes(folder);
    }
  }
  if (restored && storage) {
    lab = restored;
    if (recovered.damagedKeys.length) void storage.write(new Map(), recovered.damagedKeys).catch(() => {});
    follow(lab, true);
  } else {
    lab = makeLab({ storage: volumes });
    if (storage) follow(lab, false);
  }
  if (storage) void o.removeOtherVolumes?.(folder).catch(() => {});

  return {
    lab,
    restored: !!restored,
    status: () => ({ saving: !!persistence && !failure, message: [failure, ...messages].filter(Boolean).join('\n') || undefined }),
    fresh() {
      const previous = volumes;
      void previous.discard?.().catch(() => {});
      folder = o.newFolderName();
      volumes = storage ? o.volumes(folder) : o.memoryVolumes();
      lab = makeLab({ storage: volumes });
      follow(lab, false);
      return lab;
    },
    whenSaved,
  };
}

/** A lab that is never saved (an embedded widget's): same shape, no storage, no message. */
export function unsavedLab(makeLab: () => Lab): SavedLab {
  return {
    lab: makeLab(),
    restored: false,
    status: () => ({ saving: false }),
    fresh: makeLab,
    whenSaved: async () => {},
  };
}
