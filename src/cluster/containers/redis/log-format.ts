/** redis's log lines: `pid:role dd Mon yyyy hh:mm:ss.mmm level message` (role C child/config, M master; level `*` notice, `#` warning). */

import { MONTHS } from '../../calendar';

const p2 = (n: number) => String(n).padStart(2, '0');

export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function logLine(ms: number, message: string, o: { pid?: number; role?: 'C' | 'M'; warning?: boolean } = {}): string {
  return `${o.pid ?? 1}:${o.role ?? 'M'} ${logTime(ms)} ${o.warning ? '#' : '*'} ${message}`;
}

/** `7.2.5` ≥ `7.2`. */
function atLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

export function startBanner(at: number, version: string, port: number, configured: boolean): string[] {
  return [
    logLine(at, 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', { role: 'C' }),
    logLine(at, `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`, { role: 'C' }),
    configured
      ? logLine(at, 'Configuration loaded', { role: 'C' })
      : logLine(at, 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf', { role: 'C', warning: true }),
    logLine(at + 1, 'monotonic clock: POSIX clock_gettime'),
    logLine(at + 1, `Running mode=standalone, port=${port}.`),
    logLine(at + 2, 'Server initialized'),
  ];
}

export function rdbLoadLines(at: number, o: { version: string; ageSeconds: number; keys: number; expired: number; base?: boolean }): string[] {
  return [
    logLine(at, `Loading RDB produced by version ${o.version}`),
    logLine(at, `RDB age ${o.ageSeconds} seconds`),
    logLine(at, `RDB memory usage when created ${(0.83 + o.keys * 0.0001).toFixed(2)} Mb`),
    ...(o.base ? [logLine(at, 'RDB is base AOF')] : []),
    logLine(at, `Done loading RDB, keys loaded: ${o.keys}, keys expired: ${o.expired}.`),
  ];
}

export function readyLine(at: number, version: string): string {
  return logLine(at, atLeast(version, 7, 2) ? 'Ready to accept connections tcp' : 'Ready to accept connections');
}
