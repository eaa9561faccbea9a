/** The Web Lock that makes one tab at a time the owner of the saved lab. */
import type { LockManagerLike } from '../opfs-volumes';

export const SAVED_LAB_LOCK = 'kubelab-saved-lab';

/**
 * Holds the saved lab's lock while the worker lives; false when another tab
 * holds it. A reloaded page's old worker may hold it a moment longer: retry briefly.
 */
export async function claimLock(locks: LockManagerLike, tries = 10): Promise<boolean> {
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
