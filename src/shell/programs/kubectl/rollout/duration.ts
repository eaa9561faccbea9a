/** Go's time.ParseDuration, for flags such as `--timeout=5m`. */
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or undefined when Go would reject the text. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  const m = /^([+-]?)((?:\d*\.?\d+(?:ns|us|µs|ms|s|m|h))+)$/.exec(text);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2].matchAll(/(\d*\.?\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * UNITS[part[2]];
  return m[1] === '-' ? -total : total;
}

/**
 * A pflag DurationVar's value in ms. pflag rejects a bad one while parsing, so
 * kubectl prints it with the usage hint before the command does anything.
 */
export function durationFlag(flags: Flags, name: string, commandPath: string): number {
  const raw = flags.string(name);
  const ms = parseGoDuration(raw);
  if (ms === undefined) throw new KubectlError(`invalid argument ${JSON.stringify(raw)} for "--${name}" flag: time: invalid duration ${JSON.stringify(raw)}\nSee '${commandPath} --help' for usage.`);
  return ms;
}
