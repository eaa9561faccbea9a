/**
 * Watches on top of the store, like the API server's watch cache: events are
 * filtered by namespace and selectors (an object whose labels leave the
 * selection arrives as DELETED, one that enters as ADDED) and delivered
 * asynchronously (a microtask), in store order, one queue per watcher.
 */
import { deepClone } from './object-utils';
import type { Store, StoreEvent } from './store';
import type { KubeObject, WatchEvent } from './types';

export type ObjectPredicate = (object: KubeObject) => boolean;

export interface WatchSpec {
  resource: string;
  namespace?: string;
  matches: ObjectPredicate;
  /** Replay the log after this resourceVersion first; undefined = from now. */
  sinceRV?: number;
}

interface Watcher {
  spec: WatchSpec;
  onEvent: (event: WatchEvent) => void;
  queue: WatchEvent[];
  scheduled: boolean;
  stopped: boolean;
}

export class WatchHub {
  private watchers = new Map<string, Set<Watcher>>();

  constructor(private readonly store: Store) {
    store.subscribe((e) => this.dispatch(e));
  }

  watch(spec: WatchSpec, onEvent: (event: WatchEvent) => void): () => void {
    const w: Watcher = { spec, onEvent, queue: [], scheduled: false, stopped: false };
    if (spec.sinceRV !== undefined) {
      // A resourceVersion older than the log keeps replays what is left (no 410 Gone in kubelab).
      const past = this.store.eventsSince(spec.sinceRV) ?? this.store.logged();
      for (const e of past) if (e.rv > spec.sinceRV && e.resource === spec.resource) this.offer(w, e);
    }
    let set = this.watchers.get(spec.resource);
    if (!set) this.watchers.set(spec.resource, (set = new Set()));
    set.add(w);
    return () => {
      w.stopped = true;
      w.queue.length = 0;
      this.watchers.get(spec.resource)?.delete(w);
    };
  }

  private dispatch(e: StoreEvent): void {
    const set = this.watchers.get(e.resource);
    if (!set) return;
    for (const w of set) this.offer(w, e);
  }

  private offer(w: Watcher, e: StoreEvent): void {
    const { namespace, matches } = w.spec;
    if (namespace !== undefined && e.namespace !== namespace) return;
    let event: WatchEvent | undefined;
    if (e.type === 'ADDED') {
      if (matches(e.object)) event = { type: 'ADDED', object: e.object };
    } else if (e.type === 'DELETED') {
      if (matches(e.previous ?? e.object)) event = { type: 'DELETED', object: e.object };
    } else {
      const now = matches(e.object);
      const before = e.previous ? matches(e.previous) : false;
      if (now && before) event = { type: 'MODIFIED', object: e.object };
      else if (now) event = { type: 'ADDED', object: e.object };
      else if (before) {
        // Leaves the selection: the previous state, stamped with this change's resourceVersion.
        const prev = { ...e.previous!, metadata: { ...e.previous!.metadata, resourceVersion: String(e.rv) } };
        event = { type: 'DELETED', object: prev };
      }
    }
    if (!event) return;
    w.queue.push(event);
    if (!w.scheduled) {
      w.scheduled = true;
      void Promise.resolve().then(() => this.flush(w));
    }
  }

  private flush(w: Watcher): void {
    w.scheduled = false;
    while (w.queue.length && !w.stopped) {
      const e = w.queue.shift()!;
      // Each watcher gets its own copy: stored objects are shared and must stay untouched.
      w.onEvent({ type: e.type, object: deepClone(e.object) });
    }
  }
}
