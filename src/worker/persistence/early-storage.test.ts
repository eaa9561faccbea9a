import { afterEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { LockManagerLike } from '../opfs-volumes';
import { openIdbStorage } from './idb-storage';
import { encode } from './records';
import { startEarlyStorage, takeEarlyStorage } from './early-storage';

/** The saved lab's lock, held by another tab (an old worker of a reloaded page) until `release`. */
function locksHeldElsewhere() {
  let free = false;
  const locks: LockManagerLike = {
    request: ((_name: string, _options: unknown, callback: (lock: unknown) => Promise<unknown>) => callback(free ? {} : null)) as LockManagerLike['request'],
  };
  return { locks, release: () => (free = true) };
}

afterEach(() => {
  takeEarlyStorage();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the saved lab storage opened as the worker starts', () => {
  it('reads the records only once the lock is held, so the last writes of the tab that held it are in', async () => {
    const idb = new IDBFactory();
    const lock = locksHeldElsewhere();
    vi.stubGlobal('indexedDB', idb);
    vi.stubGlobal('navigator', { locks: lock.locks });
    startEarlyStorage();
    const early = takeEarlyStorage()!;

    const old = await openIdbStorage('kubelab', idb);
    await old.write(new Map([['meta', encode({ savedAt: 1 })]]), []);
    lock.release();

    expect(await early.claim()).toBe(true);
    const storage = await early.openStorage();
    expect([...(await storage.loadAll()).keys()]).toEqual(['meta']);
  });

  it('does not claim the lab while another tab keeps it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('navigator', { locks: locksHeldElsewhere().locks });
    startEarlyStorage();
    const claimed = takeEarlyStorage()!.claim();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await claimed).toBe(false);
  });

  it('is taken once: the lock is claimed once per worker', () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('navigator', { locks: locksHeldElsewhere().locks });
    startEarlyStorage();
    expect(takeEarlyStorage()).toBeDefined();
    expect(takeEarlyStorage()).toBeUndefined();
  });

  it('starts nothing where the browser has no Web Locks', () => {
    vi.stubGlobal('navigator', {});
    startEarlyStorage();
    expect(takeEarlyStorage()).toBeUndefined();
  });
});
