/** The saved lab in IndexedDB: one object store of records keyed by META_KEY or objectKey(…). */
import { openDB, type IDBPDatabase } from 'idb';
import type { StoredRecord } from './records';

export const DB_NAME = 'kubelab';
const RECORDS = 'records';

/** Where records are kept (IndexedDB in the browser; tests may pass a map). */
export interface LabStorage {
  loadAll(): Promise<Map<string, StoredRecord>>;
  /** One atomic batch: puts, then deletions. Rejects (e.g. QuotaExceededError) when it did not commit. */
  write(puts: Map<string, StoredRecord>, deletes: string[]): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

/** Opens the database; rejects where IndexedDB is missing or refused (some private windows). */
export async function openIdbStorage(name = DB_NAME, factory?: IDBFactory): Promise<LabStorage> {
  if (!factory && typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const previous = globalThis.indexedDB;
  // idb reads the global factory; tests hand in their own.
  if (factory) (globalThis as { indexedDB?: IDBFactory }).indexedDB = factory;
  let db: IDBPDatabase;
  try {
    db = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore(RECORDS);
      },
    });
  } finally {
    if (factory) (globalThis as { indexedDB?: IDBFactory }).indexedDB = previous;
  }
  return {
    async loadAll() {
      const tx = db.transaction(RECORDS, 'readonly');
      const out = new Map<string, StoredRecord>();
      let cursor = await tx.store.openCursor();
      while (cursor) {
        out.set(String(cursor.key), cursor.value as StoredRecord);
        cursor = await cursor.continue();
      }
      await tx.done;
      return out;
    },
    async write(puts, deletes) {
      const tx = db.transaction(RECORDS, 'readwrite');
      try {
        for (const [key, record] of puts) void tx.store.put(record, key).catch(() => {});
        for (const key of deletes) void tx.store.delete(key).catch(() => {});
      } catch (e) {
        // All or nothing: a batch that could not be queued is not committed in part.
        tx.abort();
        void tx.done.catch(() => {});
        throw e;
      }
      await tx.done;
    },
    async clear() {
      await db.clear(RECORDS);
    },
    close: () => db.close(),
  };
}
