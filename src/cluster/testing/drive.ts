/**
 * Drives a VirtualClock for tests: fires timers one by one and lets promise
 * continuations run after each (the caller passes `settle`, e.g. a setImmediate
 * promise — the cluster core itself never names a host timer).
 */
import type { VirtualClock } from '../clock';

export type Settle = () => Promise<void>;

/** Moves simulated time forward by ms, settling after every timer. */
export async function runFor(clock: VirtualClock, ms: number, settle: Settle): Promise<void> {
  const deadline = clock.now() + ms;
  await settle();
  while (clock.fireNext(deadline)) await settle();
  clock.advance(deadline - clock.now());
  await settle();
}

/**
 * Runs until `done()` holds (checked after every timer) or `limitMs` passes;
 * returns the simulated milliseconds it took, or -1 on timeout.
 */
export async function runUntil(clock: VirtualClock, done: () => boolean | Promise<boolean>, settle: Settle, limitMs = 600_000): Promise<number> {
  const start = clock.now();
  const deadline = start + limitMs;
  await settle();
  while (!(await done())) {
    if (!clock.fireNext(deadline)) {
      clock.advance(deadline - clock.now());
      await settle();
      return (await done()) ? clock.now() - start : -1;
    }
    await settle();
  }
  return clock.now() - start;
}

/** Calls check after every timer while time runs for ms (invariant checking). */
export async function runChecking(clock: VirtualClock, ms: number, settle: Settle, check: () => void | Promise<void>): Promise<void> {
  const deadline = clock.now() + ms;
  await settle();
  await check();
  while (clock.fireNext(deadline)) {
    await settle();
    await check();
  }
  clock.advance(deadline - clock.now());
  await settle();
  await check();
}
