import type { SeededRandom } from '../random';

/**
 * Runs fn with the random stream moved aside by salt and puts it back after,
 * so every id drawn later (pods, volumes, IPs) stays what it was without fn.
 */
export function withSideStream<T>(random: SeededRandom, salt: number, fn: () => T): T {
  const saved = random.getState();
  random.setState(saved ^ salt);
  try {
    return fn();
  } finally {
    random.setState(saved);
  }
}
