/** Saved labs with the browser's storage: IndexedDB for API objects, OPFS for volume files, one Web Lock per tab. */
import { MemoryVolumeBackend } from '../../cluster/storage/volume-backend';
import type { LockManagerLike, OpfsDirectory } from '../opfs-volumes';
import { loadOpfsVolumes, removeOtherSavedLabs, savedLabVolumes, savedLabsDir } from '../opfs-volumes';
import { DB_NAME, openIdbStorage } from './idb-storage';
import { takeEarlyStorage, type EarlyStorage } from './early-storage';
import { claimLock } from './lab-lock';
import { openSavedSlot, type SavedLabOptions, type SavedSlot } from './saved-lab';

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
  // The sandbox's lock and database may already be on their way (worker-entry.ts).
  const early: EarlyStorage | undefined = name === 'sandbox' ? takeEarlyStorage() : undefined;
  if (early) claimed ??= early.claim();
  return openSavedSlot({
    ...options,
    openStorage: () => early?.openStorage() ?? openIdbStorage(database),
    loadVolumes: async (folder) => loadOpfsVolumes(await (await saved).getDirectoryHandle(folder)),
    volumes: (folder, loaded) => savedLabVolumes(saved, folder, options.now, loaded),
    memoryVolumes: () => new MemoryVolumeBackend(options.now),
    removeOtherVolumes: async (keep) => removeOtherSavedLabs(await saved, keep, folderPrefix),
    // One claim for the whole worker: every slot is saved by the tab that holds it.
    claim: claimed || locks ? () => (claimed ??= claimLock(locks!)) : undefined,
    newFolderName: () => `${folderPrefix}${crypto.randomUUID()}`,
    randomState: () => Math.floor(Math.random() * 0x7fffffff),
  });
}
