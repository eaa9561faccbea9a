/**
 * The object store: objects keyed by resource, namespace and name, one global
 * resourceVersion counter, and a bounded log of changes for watches that
 * resume from a resourceVersion. Stored objects are deep-frozen and replaced
 * on every write, so readers may share them; what leaves the API is copied.
 */
import { deepClone, deepFreeze } from './object-utils';
import type { KubeObject, WatchEventType } from './types';

export interface StoreEvent {
  /** The resourceVersion of this change. */
  rv: number;
  /** `<resource>[.<group>]`. */
  resource: string;
  namespace: string;
  type: WatchEventType;
  /** The object after the change (for DELETED: its last state, stamped with this rv). */
  object: KubeObject;
  /** The object before the change (MODIFIED and DELETED). */
  previous?: KubeObject;
}

export type StoreListener = (event: StoreEvent) => void;

export class Store {
  private data = new Map<string, Map<string, Map<string, KubeObject>>>();
  private rv: number;
  private log: StoreEvent[] = [];
  private listeners = new Set<StoreListener>();

  constructor(
    private readonly logLimit = 10000,
    startRV = 0,
  ) {
    this.rv = startRV;
  }

  currentRV(): string {
    return String(this.rv);
  }

  /** The stored object itself (shared: do not mutate, copy before handing out). */
  peek(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.data.get(resource)?.get(namespace)?.get(name);
  }

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    const o = this.peek(resource, namespace, name);
    return o && deepClone(o);
  }

  /** Stored objects (shared) of a resource, in one namespace or all, sorted by namespace then name. */
  peekList(resource: string, namespace?: string): KubeObject[] {
    const byNs = this.data.get(resource);
    if (!byNs) return [];
    if (namespace !== undefined) {
      const names = byNs.get(namespace);
      return names ? this.sortedObjects(names).slice() : [];
    }
    const out: KubeObject[] = [];
    for (const ns of [...byNs.keys()].sort()) {
      const names = byNs.get(ns)!;
      for (const o of this.sortedObjects(names)) out.push(o);
    }
    return out;
  }

  /** Namespaces that hold at least one object of any namespaced resource. */
  resources(): string[] {
    return [...this.data.keys()];
  }

  /** Stores a new object; returns a copy as stored. */
  create(resource: string, namespace: string, object: KubeObject): KubeObject {
    const stored = this.stamp(object);
    const names = this.bucket(resource, namespace);
    names.set(stored.metadata.name!, stored);
    this.namesChanged(names);
    this.emit({ rv: this.rv, resource, namespace, type: 'ADDED', object: stored });
    return deepClone(stored);
  }

  /** Replaces an existing object; returns a copy as stored. */
  update(resource: string, namespace: string, object: KubeObject): KubeObject {
    const name = object.metadata.name!;
    const previous = this.peek(resource, namespace, name);
    const stored = this.stamp(object);
    const names = this.bucket(resource, namespace);
    // Same names: only the sorted objects go stale, the sorted keys stand.
    if (names.has(name)) this.sorted.delete(names);
    else this.namesChanged(names);
    names.set(name, stored);
    this.emit({ rv: this.rv, resource, namespace, type: 'MODIFIED', object: stored, previous });
    return deepClone(stored);
  }

  /** Removes an object (optionally in a final state, e.g. its last finalizer gone); returns a copy of its last state stamped with the deletion's resourceVersion. */
  remove(resource: string, namespace: string, name: string, finalState?: KubeObject): KubeObject | undefined {
    const names = this.data.get(resource)?.get(namespace);
    const previous = names?.get(name);
    if (!names || !previous) return undefined;
    names.delete(name);
    this.namesChanged(names);
    const last = this.stamp(finalState ?? previous);
    this.emit({ rv: this.rv, resource, namespace, type: 'DELETED', object: last, previous });
    return deepClone(last);
  }

  /** Log entries after rv, or undefined when rv is older than the log keeps. */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv >= this.rv) return [];
    const first = this.log[0];
    if (!first || first.rv > rv + 1) return undefined;
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.log.slice(lo);
  }

  /** Every change the log still holds. */
  logged(): StoreEvent[] {
    return this.log.slice();
  }

  /** Every stored object (shared) with its resource and namespace, for a snapshot. */
  entries(): Array<{ resource: string; namespace: string; object: KubeObject }> {
    const out: Array<{ resource: string; namespace: string; object: KubeObject }> = [];
    for (const [resource, byNs] of this.data) for (const [namespace, names] of byNs) for (const object of names.values()) out.push({ resource, namespace, object });
    return out;
  }

  /** Puts a saved object back as it was (same uid and resourceVersion), without an event: restoring is not a change. */
  load(resource: string, namespace: string, object: KubeObject): void {
    const stored = deepFreeze(deepClone(object));
    const names = this.bucket(resource, namespace);
    names.set(stored.metadata.name!, stored);
    this.namesChanged(names);
    this.rv = Math.max(this.rv, Number(stored.metadata.resourceVersion) || 0);
  }

  /** Continues the resourceVersion counter after a restore (deleted objects may have used higher ones). */
  continueFrom(rv: number): void {
    this.rv = Math.max(this.rv, rv);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private stamp(object: KubeObject): KubeObject {
    const copy = deepClone(object);
    this.rv++;
    copy.metadata.resourceVersion = String(this.rv);
    return deepFreeze(copy);
  }

  // Lists return objects in key order, as etcd does; the order is kept until a name comes or goes,
  // the objects in that order until any write to their namespace (long lists are read far more often than rebuilt).
  private sortedKeys = new WeakMap<Map<string, KubeObject>, string[]>();
  private sorted = new WeakMap<Map<string, KubeObject>, KubeObject[]>();

  /** A name came or went: both the key order and the object order are rebuilt on the next list. */
  private namesChanged(names: Map<string, KubeObject>): void {
    this.sortedKeys.delete(names);
    this.sorted.delete(names);
  }

  private sortedObjects(names: Map<string, KubeObject>): KubeObject[] {
    let objects = this.sorted.get(names);
    if (!objects) this.sorted.set(names, (objects = this.sortedNames(names).map((k) => names.get(k)!)));
    return objects;
  }

  private sortedNames(names: Map<string, KubeObject>): string[] {
    let keys = this.sortedKeys.get(names);
    if (!keys) this.sortedKeys.set(names, (keys = [...names.keys()].sort()));
    return keys;
  }

  private bucket(resource: string, namespace: string): Map<string, KubeObject> {
    let byNs = this.data.get(resource);
    if (!byNs) this.data.set(resource, (byNs = new Map()));
    let names = byNs.get(namespace);
    if (!names) byNs.set(namespace, (names = new Map()));
    return names;
  }

  private emit(event: StoreEvent): void {
    this.log.push(event);
    if (this.log.length > this.logLimit * 1.25) this.log.splice(0, this.log.length - this.logLimit);
    for (const l of this.listeners) l(event);
  }
}
