/**
 * The saved lab's storage, opened by worker-entry.ts as the worker starts, while
 * the lab's code still downloads and compiles: the lock is claimed and IndexedDB
 * opened at once, and once the lock is held every record is read. openBrowserSlot
 * takes what was started here instead of starting it itself.
 */
import type { LockManagerLike } from '../opfs-volumes';
import { openIdbStorage, type LabStorage } from './idb-storage';
import { claimLock } from './lab-lock';

export interface EarlyStorage {
  /** Whether this tab holds the saved lab's lock (claimed once, when the worker started). */
  claim(): Promise<boolean>;
  /** The database; its first loadAll gives the records read as soon as the lock was held. */
  openStorage(): Promise<LabStorage>;
}

let started: EarlyStorage | undefined;

export function startEarlyStorage(): void {
  const locks = globalThis.navigator?.locks as LockManagerLike | undefined;
  if (started || !locks || typeof indexedDB === 'undefined') return;
  const claimed = claimLock(locks).catch(() => false);
  const opened = openIdbStorage();
  opened.catch(() => {});
  // Records are read only under the lock: a reloaded page's old worker may still be writing.
  const loaded = claimed.then((ok) => (ok ? opened.then((storage) => storage.loadAll()) : undefined));
  void loaded.then(() => performance.mark('kubelab:storage-read'), () => {});
  loaded.catch(() => {});
  void claimed.then((ok) => (ok ? undefined : opened.then((storage) => storage.close(), () => {})));
  started = {
    claim: () => claimed,
    openStorage: () =>
      opened.then((storage) => {
        let first = true;
        return {
          ...storage,
          loadAll() {
            if (!first) return storage.loadAll();
            first = false;
            return loaded.then((records) => records ?? storage.loadAll());
          },
        };
      }),
  };
}

/** What startEarlyStorage started, once (the lock is this worker's one claim). */
export function takeEarlyStorage(): EarlyStorage | undefined {
  const early = started;
  started = undefined;
  return early;
}
