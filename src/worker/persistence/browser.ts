/** Saved labs with the browser's storage: IndexedDB for API objects, OPFS for volume files, one Web Lock per tab. */
import { MemoryVolumeBackend } from '../../cluster/storage/volume-backend';
import type { LockManagerLike, OpfsDirectory } from '../opfs-volumes';
import { loadOpfsVolumes, removeOtherSavedLabs, savedLabVolumes, savedLabsDir } from '../opfs-volumes';
import { DB_NAME, openIdbStorage } from './idb-storage';
import { openSavedSlot, type SavedLabOptions, type SavedSlot } from './saved-lab';

export const SAVED_LAB_LOCK = 'kubelab-saved-lab';

/** The sandbox keeps the original database and folder names, so labs saved before lesson slots existed still load. */
const SLOTS = {
  sandbox: { database: DB_NAME, folderPrefix: 'lab-' },
  lesson: { database: `${DB_NAME}-lesson`, folderPrefix: 'lesson-' },
} as const;

export type SlotName = keyof typeof SLOTS;

type BrowserSlotOptions = Pick<SavedLabOptions, 'catchUpClock' | 'now' | 'makeLab' | 'onStatusChange'>;

let claimed: Promise<boolean> | undefined;

export function openBrowserSlot(name: SlotName, options: BrowserSlotOptions): Promise<SavedSlot> {
  const { database, folderPrefix } = SLOTS[name];
  const storage = globalThis.navigator?.storage;
  const root = storage?.getDirectory ? (storage.getDirectory() as Promise<OpfsDirectory>) : Promise.reject(new Error('no Origin Private File System'));
  const saved = savedLabsDir(root);
  saved.catch(() => {});
  const locks = globalThis.navigator?.locks as LockManagerLike | undefined;
  return openSavedSlot({
    ...options,
    openStorage: () => openIdbStorage(database),
    loadVolumes: async (folder) => loadOpfsVolumes(await (await saved).getDirectoryHandle(folder)),
    volumes: (folder, loaded) => savedLabVolumes(saved, folder, options.now, loaded),
    memoryVolumes: () => new MemoryVolumeBackend(options.now),
    removeOtherVolumes: async (keep) => removeOtherSavedLabs(await saved, keep, folderPrefix),
    // One claim for the whole worker: every slot is saved by the tab that holds it.
    claim: locks ? () => (claimed ??= claimLock(locks)) : undefined,
    newFolderName: () => `${folderPrefix}${crypto.randomUUID()}`,
    randomState: () => Math.floor(Math.random() * 0x7fffffff),
  });
}

/**
 * Holds the saved lab's lock while the worker lives; false when another tab
 * holds it. A reloaded page's old worker may hold it a moment longer: retry briefly.
 */
async function claimLock(locks: LockManagerLike, tries = 10): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await tryLock(locks)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function tryLock(locks: LockManagerLike): Promise<boolean> {
  return new Promise((resolve) => {
    void locks.request(SAVED_LAB_LOCK, { ifAvailable: true }, (lock) => {
      resolve(!!lock);
      return lock ? new Promise(() => {}) : Promise.resolve();
    });
  });
}
