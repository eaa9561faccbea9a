/**
 * Events expire, as kube-apiserver stores them with an etcd lease of
 * --event-ttl (default 1h) that every create and update renews. Expiry is a
 * storage-level delete (no admission, no finalizers), so it goes straight to
 * the store, whose DELETED reaches watches like any other deletion.
 *
 * One clock timer waits for the earliest expiry. A write to an already
 * tracked Event only moves its deadline; when the timer finds a deadline moved
 * later it queues the Event again, so the queue holds one entry per Event.
 */
import type { Clock, TimerId } from '../clock';
import { resourceKey } from './discovery';
import { EVENTS } from './events';
import type { Store, StoreEvent } from './store';
import type { KubeObject } from './types';

/** kube-apiserver's --event-ttl default. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

const EVENTS_KEY = resourceKey(EVENTS);

interface Tracked {
  namespace: string;
  name: string;
  /** Last write + TTL. */
  expiresAt: number;
  /** Tells a queue entry for this object from one left by an earlier object of the same name. */
  generation: number;
}

interface Queued {
  at: number;
  seq: number;
  key: string;
  generation: number;
}

/**
 * When a stored Event was last written, as far as its own fields tell (a saved
 * lab keeps no lease): the latest of its timestamps, never later than now.
 */
export function lastWriteOf(event: KubeObject, now: number): number {
  const e = event as { lastTimestamp?: unknown; eventTime?: unknown; series?: { lastObservedTime?: unknown } };
  const times = [e.lastTimestamp, e.eventTime, e.series?.lastObservedTime, event.metadata.creationTimestamp]
    .map((t) => (typeof t === 'string' ? Date.parse(t) : NaN))
    .filter((t) => Number.isFinite(t));
  return times.length ? Math.min(now, Math.max(...times)) : now;
}

export class EventTtl {
  private tracked = new Map<string, Tracked>();
  private queue = new MinQueue();
  private nextGeneration = 1;
  private timer: TimerId | undefined;
  private armedAt: number | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Adopts the Events already stored (bootstrap or a restore), dropping those already past their TTL, then follows every write. */
  start(): void {
    const now = this.clock.now();
    for (const ev of this.store.peekList(EVENTS_KEY)) this.track(ev.metadata.namespace ?? '', ev.metadata.name!, lastWriteOf(ev, now) + EVENT_TTL_MS);
    this.unsubscribe = this.store.subscribe((e) => this.onWrite(e));
    this.expire();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = this.armedAt = undefined;
    this.tracked.clear();
    this.queue = new MinQueue();
  }

  private onWrite(e: StoreEvent): void {
    if (e.resource !== EVENTS_KEY) return;
    const name = e.object.metadata.name!;
    if (e.type === 'DELETED') this.tracked.delete(keyOf(e.namespace, name));
    else this.track(e.namespace, name, this.clock.now() + EVENT_TTL_MS);
  }

  private track(namespace: string, name: string, expiresAt: number): void {
    const key = keyOf(namespace, name);
    const known = this.tracked.get(key);
    if (known) {
      known.expiresAt = expiresAt;
      return;
    }
    const generation = this.nextGeneration++;
    this.tracked.set(key, { namespace, name, expiresAt, generation });
    this.queue.push(expiresAt, key, generation);
    this.arm();
  }

  private current(entry: Queued): Tracked | undefined {
    const t = this.tracked.get(entry.key);
    return t && t.generation === entry.generation ? t : undefined;
  }

  private expire(): void {
    this.timer = this.armedAt = undefined;
    const now = this.clock.now();
    for (let top = this.queue.peek(); top && top.at <= now; top = this.queue.peek()) {
      this.queue.pop();
      const t = this.current(top);
      if (!t) continue;
      if (t.expiresAt > now) {
        this.queue.push(t.expiresAt, top.key, t.generation);
        continue;
      }
      this.tracked.delete(top.key);
      this.store.remove(EVENTS_KEY, t.namespace, t.name);
    }
    this.arm();
  }

  /** Points the one timer at the earliest live entry. */
  private arm(): void {
    for (let top = this.queue.peek(); top && !this.current(top); top = this.queue.peek()) this.queue.pop();
    const at = this.queue.peek()?.at;
    if (at === this.armedAt) return;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.armedAt = at;
    if (at !== undefined) this.timer = this.clock.setTimer(at - this.clock.now(), () => this.expire());
  }
}

function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** A binary min-heap ordered by (at, insertion), so ties expire in a fixed order. */
class MinQueue {
  private items: Queued[] = [];
  private seq = 0;

  peek(): Queued | undefined {
    return this.items[0];
  }

  push(at: number, key: string, generation: number): void {
    const items = this.items;
    items.push({ at, seq: this.seq++, key, generation });
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): Queued | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!items.length || !last) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < items.length && before(items[l], items[min])) min = l;
      if (r < items.length && before(items[r], items[min])) min = r;
      if (min === i) break;
      [items[i], items[min]] = [items[min], items[i]];
      i = min;
    }
    return top;
  }
}

function before(a: Queued, b: Queued): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
