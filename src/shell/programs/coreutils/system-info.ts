import type { Program } from '../../program';
import { MONTHS, WEEKDAYS } from '../../../cluster/calendar';
import { userOf } from './common';

const KERNEL = '6.1.0-28-amd64';
const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)';

/** date [-u] [+FORMAT]: the simulated clock, in UTC (the workstation's zone). */
export const date: Program = async (io) => {
  const d = new Date(io.ctx.clock.now());
  const format = io.argv.slice(1).find((a) => a.startsWith('+'));
  io.stdout.write(strftime(format ? format.slice(1) : '%a %b %e %H:%M:%S %Z %Y', d) + '\n');
  return 0;
};

function strftime(format: string, d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const map: Record<string, () => string> = {
    a: () => WEEKDAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    e: () => String(d.getUTCDate()).padStart(2),
    d: () => p2(d.getUTCDate()),
    m: () => p2(d.getUTCMonth() + 1),
    Y: () => String(d.getUTCFullYear()),
    H: () => p2(d.getUTCHours()),
    M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()),
    Z: () => 'UTC',
    z: () => '+0000',
    s: () => String(Math.floor(d.getTime() / 1000)),
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (m, c: string) => map[c]?.() ?? m);
}

export const env: Program = async (io) => {
  io.stdout.write(Object.entries(io.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

export const whoami: Program = async (io) => {
  io.stdout.write(userOf(io) + '\n');
  return 0;
};

export const hostname: Program = async (io) => {
  io.stdout.write((io.env.HOSTNAME ?? 'workstation') + '\n');
  return 0;
};

/** uname [-a] [-s] [-n] [-r] [-m]. */
export const uname: Program = async (io) => {
  const host = io.env.HOSTNAME ?? 'workstation';
  const flags = new Set(io.argv.slice(1).flatMap((a) => (a === '--all' ? ['a'] : a.startsWith('-') ? [...a.slice(1)] : [])));
  if (flags.has('a')) {
    io.stdout.write(`Linux ${host} ${KERNEL} ${KERNEL_VERSION} x86_64 GNU/Linux\n`);
    return 0;
  }
  const parts: string[] = [];
  if (flags.has('s') || flags.size === 0) parts.push('Linux');
  if (flags.has('n')) parts.push(host);
  if (flags.has('r')) parts.push(KERNEL);
  if (flags.has('v')) parts.push(KERNEL_VERSION);
  if (flags.has('m')) parts.push('x86_64');
  io.stdout.write(parts.join(' ') + '\n');
  return 0;
};

/** seq [FIRST [INCREMENT]] LAST */
export const seq: Program = async (io) => {
  const nums = io.argv.slice(1).map(Number);
  if (nums.length === 0 || nums.length > 3 || nums.some((n) => Number.isNaN(n))) {
    const bad = io.argv.slice(1).find((a) => Number.isNaN(Number(a)));
    io.stderr.write(bad !== undefined ? `seq: invalid floating point argument: ‘${bad}’\n` : "seq: missing operand\n");
    io.stderr.write("Try 'seq --help' for more information.\n");
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  let out = '';
  for (let n = first; step > 0 ? n <= last : n >= last; n += step) {
    out += n + '\n';
    if (step === 0) break;
  }
  io.stdout.write(out);
  return 0;
};

/** sleep NUMBER[smhd]...: waits in simulated time; Ctrl-C ends it with 130. */
export const sleep: Program = async (io) => {
  const args = io.argv.slice(1);
  if (args.length === 0) {
    io.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const m = /^(\d*\.?\d+)([smhd]?)$/.exec(a);
    if (!m) {
      io.stderr.write(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  try {
    await io.sleep(total * 1000);
  } catch {
    return 130;
  }
  return 0;
};
