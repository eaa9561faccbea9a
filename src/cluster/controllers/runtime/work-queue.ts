/**
 * A controller work queue like client-go's: a key is queued at most once, a
 * key being processed that is added again is processed once more afterwards,
 * and keys are handled one at a time (one worker), so passes never interleave.
 * Work runs on microtasks; delays use the injected clock.
 */
import type { Clock, TimerId } from '../../clock';

export class WorkQueue {
  private queue: string[] = [];
  private queued = new Set<string>();
  private processing: string | undefined;
  private dirty = new Set<string>();
  private delayed = new Map<string, TimerId>();
  private failures = new Map<string, number>();
  private running = false;
  private stopped = false;
  private drained: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly sync: (key: string) => Promise<void>,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    if (this.processing === key) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.kick();
  }

  /** Adds the key after ms of simulated time (an earlier pending delay wins). */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    if (this.delayed.has(key)) return;
    this.delayed.set(
      key,
      this.clock.setTimer(ms, () => {
        this.delayed.delete(key);
        this.add(key);
      }),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.delayed.values()) this.clock.clearTimer(t);
    this.delayed.clear();
    this.queue = [];
    this.queued.clear();
  }

  /** Resolves when the queue has run dry (tests). */
  idle(): Promise<void> {
    return this.drained;
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    this.drained = Promise.resolve().then(() => this.drain());
  }

  private async drain(): Promise<void> {
    while (this.queue.length && !this.stopped) {
      const key = this.queue.shift()!;
      this.queued.delete(key);
      this.processing = key;
      try {
        await this.sync(key);
        this.failures.delete(key);
      } catch {
        // Rate-limited retry, as the controllers' exponential failure limiter does.
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        this.addAfter(key, Math.min(5 * 2 ** n, 10_000));
      }
      this.processing = undefined;
      if (this.dirty.delete(key)) this.add(key);
    }
    this.running = false;
  }
}
