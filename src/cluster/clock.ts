/**
 * Time for the whole cluster. Components never read the host clock or set host
 * timers directly: tests drive a VirtualClock, the browser a RealClock with a
 * speed factor (pause, 1x, 10x).
 */
export type TimerId = number;

export interface Clock {
  /** Simulated milliseconds since the Unix epoch. */
  now(): number;
  /** Calls fn once, after ms of simulated time. */
  setTimer(ms: number, fn: () => void): TimerId;
  clearTimer(id: TimerId): void;
}

interface Timer {
  id: TimerId;
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that moves only when told to; timers fire in (time, creation) order. */
export class VirtualClock implements Clock {
  private current: number;
  private timers = new Map<TimerId, Timer>();
  private nextId = 1;

  constructor(startMs = Date.UTC(2026, 0, 1, 0, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): TimerId {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.current + Math.max(0, ms), seq: id, fn });
    return id;
  }

  clearTimer(id: TimerId): void {
    this.timers.delete(id);
  }

  /** When the earliest pending timer is due, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    const next = this.earliest();
    return next?.at;
  }

  /**
   * Fires the earliest timer due at or before `limit` (moving time to it) and
   * returns true, or returns false when none is due by then.
   */
  fireNext(limit = Number.POSITIVE_INFINITY): boolean {
    const next = this.earliest();
    if (!next || next.at > limit) return false;
    this.timers.delete(next.id);
    if (next.at > this.current) this.current = next.at;
    next.fn();
    return true;
  }

  /** Moves time forward by ms, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    while (this.fireNext(target)) {
      /* each call fires one timer */
    }
    this.current = target;
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers.values()) {
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}

/** The host's timer functions, injected so the core never names a host global. */
export interface HostTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Wall-clock time scaled by a speed factor; speed 0 pauses simulated time. */
export class RealClock implements Clock {
  private baseSim: number;
  private baseReal: number;
  private speed: number;
  private nextId = 1;
  private timers = new Map<TimerId, { at: number; fn: () => void; handle: unknown }>();

  constructor(private host: HostTimers, speed = 1) {
    this.baseReal = host.now();
    this.baseSim = this.baseReal;
    this.speed = speed;
  }

  now(): number {
    return this.baseSim + (this.host.now() - this.baseReal) * this.speed;
  }

  getSpeed(): number {
    return this.speed;
  }

  setSpeed(speed: number): void {
    this.baseSim = this.now();
    this.baseReal = this.host.now();
    this.speed = speed;
    for (const [id, t] of this.timers) {
      this.host.clearTimeout(t.handle);
      t.handle = this.schedule(id, t.at);
    }
  }

  setTimer(ms: number, fn: () => void): TimerId {
    const id = this.nextId++;
    const at = this.now() + Math.max(0, ms);
    this.timers.set(id, { at, fn, handle: this.schedule(id, at) });
    return id;
  }

  clearTimer(id: TimerId): void {
    const t = this.timers.get(id);
    if (t) this.host.clearTimeout(t.handle);
    this.timers.delete(id);
  }

  private schedule(id: TimerId, at: number): unknown {
    if (this.speed <= 0) return undefined;
    const realMs = Math.max(0, (at - this.now()) / this.speed);
    return this.host.setTimeout(() => {
      const t = this.timers.get(id);
      if (!t) return;
      this.timers.delete(id);
      t.fn();
    }, realMs);
  }
}

/** RFC 3339 with seconds precision, as Kubernetes stores timestamps. */
export function toRFC3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
