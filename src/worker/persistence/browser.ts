/** The saved lab with the browser's storage: IndexedDB for API objects, OPFS for volume files, a Web Lock per tab. */
import { MemoryVolumeBackend } from '../../cluster/storage/volume-backend';
import type { LockManagerLike, OpfsDirectory } from '../opfs-volumes';
import { loadOpfsVolumes, removeOtherSavedLabs, savedLabVolumes, savedLabsDir } from '../opfs-volumes';
import { openIdbStorage } from './idb-storage';
import { openSavedLab, type SavedLab, type SavedLabOptions } from './saved-lab';

export const SAVED_LAB_LOCK = 'kubelab-saved-lab';

export function openBrowserSavedLab(options: Pick<SavedLabOptions, 'catchUpClock' | 'now' | 'makeLab' | 'onStatusChange'>): Promise<SavedLab> {
  const storage = globalThis.navigator?.storage;
  const root = storage?.getDirectory ? (storage.getDirectory() as Promise<OpfsDirectory>) : Promise.reject(new Error('no Origin Private File System'));
  const saved = savedLabsDir(root);
  saved.catch(() => {});
  const locks = globalThis.navigator?.locks as LockManagerLike | undefined;
  return openSavedLab({
    ...options,
    openStorage: () => openIdbStorage(),
    loadVolumes: async (name) => loadOpfsVolumes(await (await saved).getDirectoryHandle(name)),
    volumes: (name, loaded) => savedLabVolumes(saved, name, options.now, loaded),
    memoryVolumes: () => new MemoryVolumeBackend(options.now),
    removeOtherVolumes: async (keep) => removeOtherSavedLabs(await saved, keep),
    claim: locks ? () => claimLock(locks) : undefined,
    newFolderName: () => `lab-${crypto.randomUUID()}`,
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
