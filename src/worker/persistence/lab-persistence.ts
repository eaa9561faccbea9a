/**
 * Saves a cluster as it changes: every committed API write marks its object's
 * record, and the marked records go to storage in one transaction started in
 * the same task (so a write is on its way before the command's output is).
 * When storage fails (quota, refused) the lab keeps running in memory and the
 * status says so.
 */
import type { Store, StoreEvent } from '../../cluster/api/store';
import type { Cluster } from '../../cluster/cluster';
import { META_KEY, encode, objectKey, type MetaBody, type StoredRecord } from './records';
import type { LabStorage } from './idb-storage';

export interface PersistenceStatus {
  /** True while changes are being saved. */
  saving: boolean;
  /** For the learner: why the lab is not (fully) saved, or what was lost on restore. */
  message?: string;
}

export class LabPersistence {
  private dirty = new Map<string, StoreEvent | null>();
  private queue: Promise<void> = Promise.resolve();
  private scheduled = false;
  private failed = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly storage: LabStorage,
    private readonly cluster: Pick<Cluster, 'server' | 'random' | 'clock'>,
    private readonly onFailure: (message: string) => void,
    /** Kept in the meta record (e.g. the volume folder). */
    private readonly extraMeta: Partial<MetaBody> = {},
  ) {}

  /** Starts following the store's writes; `saveAll` first writes everything (a fresh lab). */
  start(options: { saveAll?: boolean; clearFirst?: boolean; after?: Promise<void> } = {}): void {
    const store: Store = this.cluster.server.store;
    // A previous lab's last writes land before this one clears them.
    if (options.after) this.queue = options.after;
    if (options.clearFirst) this.queue = this.queue.then(() => this.storage.clear()).catch((e: unknown) => this.fail(e));
    if (options.saveAll) {
      for (const e of store.entries()) this.dirty.set(objectKey(e.resource, e.namespace, e.object.metadata.name!), { rv: 0, resource: e.resource, namespace: e.namespace, type: 'ADDED', object: e.object });
      this.schedule();
    }
    this.unsubscribe = store.subscribe((event) => {
      const key = objectKey(event.resource, event.namespace, event.object.metadata.name!);
      this.dirty.set(key, event.type === 'DELETED' ? null : event);
      this.schedule();
    });
  }

  /** Stops following the store (pending changes are dropped); resolves when writes under way are done. */
  stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.dirty.clear();
    return this.queue;
  }

  /** Saves one record beside the objects (e.g. the home directory), after the writes already under way. */
  saveRecord(key: string, body: unknown): void {
    if (this.failed || !this.unsubscribe) return;
    const puts = new Map([[key, encode(body)]]);
    this.queue = this.queue.then(() => this.storage.write(puts, [])).catch((e: unknown) => this.fail(e));
  }

  /** Resolves once every write made so far is stored (or storage has failed). */
  whenSaved(): Promise<void> {
    if (this.dirty.size) this.flushNow();
    return this.queue;
  }

  private schedule(): void {
    if (this.scheduled || this.failed) return;
    this.scheduled = true;
    queueMicrotask(() => this.flushNow());
  }

  private flushNow(): void {
    this.scheduled = false;
    if (this.failed || !this.dirty.size) return;
    const batch = this.dirty;
    this.dirty = new Map();
    const puts = new Map<string, StoredRecord>();
    const deletes: string[] = [];
    for (const [key, event] of batch) {
      if (event) puts.set(key, encode({ resource: event.resource, namespace: event.namespace, object: event.object }));
      else deletes.push(key);
    }
    const { server, random, clock } = this.cluster;
    const meta: MetaBody = { ...this.extraMeta, savedAt: clock.now(), resourceVersion: server.store.currentRV(), random: random.getState(), clockTime: clock.now() };
    puts.set(META_KEY, encode(meta));
    this.queue = this.queue.then(() => this.storage.write(puts, deletes)).catch((e: unknown) => this.fail(e));
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.dirty.clear();
    this.onFailure(storageFailureMessage(error));
  }
}

export function storageFailureMessage(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((error as Error)?.message ?? error)))
    return 'Browser storage is full: the lab keeps running, but changes from now on are not saved. Free some space or reset the lab.';
  return `Saving the lab failed (${name || String(error)}): the lab keeps running, but changes from now on are not saved.`;
}
