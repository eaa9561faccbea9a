/** The saved lab with the browser's storage: IndexedDB for API objects, OPFS for volume files, a Web Lock per tab. */
import { MemoryVolumeBackend } from '../../cluster/storage/volume-backend';
import type { LockManagerLike, OpfsDirectory } from '../opfs-volumes';
import { loadOpfsVolumes, removeOtherSavedLabs, savedLabVolumes, savedLabsDir } from '../opfs-volumes';
import { openIdbStorage } from './idb-storage';
import { openSavedLab, type SavedLab, type SavedLabOptions } from './saved-lab';
import { takeEarlyStorage } from './early-storage';
import { claimLock } from './lab-lock';

export { SAVED_LAB_LOCK } from './lab-lock';

export function openBrowserSavedLab(options: Pick<SavedLabOptions, 'catchUpClock' | 'now' | 'makeLab' | 'onStatusChange'>): Promise<SavedLab> {
  const storage = globalThis.navigator?.storage;
  const root = storage?.getDirectory ? (storage.getDirectory() as Promise<OpfsDirectory>) : Promise.reject(new Error('no Origin Private File System'));
  const saved = savedLabsDir(root);
  saved.catch(() => {});
  const locks = globalThis.navigator?.locks as LockManagerLike | undefined;
  // The lock and the database may already be on their way (worker-entry.ts).
  const early = takeEarlyStorage();
  return openSavedLab({
    ...options,
    openStorage: () => early?.openStorage() ?? openIdbStorage(),
    loadVolumes: async (name) => loadOpfsVolumes(await (await saved).getDirectoryHandle(name)),
    volumes: (name, loaded) => savedLabVolumes(saved, name, options.now, loaded),
    memoryVolumes: () => new MemoryVolumeBackend(options.now),
    removeOtherVolumes: async (keep) => removeOtherSavedLabs(await saved, keep),
    claim: early ? early.claim : locks ? () => claimLock(locks) : undefined,
    newFolderName: () => `lab-${crypto.randomUUID()}`,
    randomState: () => Math.floor(Math.random() * 0x7fffffff),
  });
}
