import type { Program } from '../../program';
import { inputs, invalidOption, parseArgs, splitLines } from './common';

interface Key {
  start: number;
  end: number | undefined;
  numeric: boolean;
  reverse: boolean;
}

/** sort [-r] [-n] [-u] [-k N[,M]] [-t SEP] [FILE]... */
export const sort: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'rnufbhV', 'kto', { reverse: 'r', 'numeric-sort': 'n', unique: 'u', key: 'k', 'field-separator': 't', 'ignore-case': 'f' });
  if ('bad' in parsed) return invalidOption(io, 'sort', parsed.bad, 2);
  const f = parsed.flags;
  const sep = parsed.values.get('t');
  const keySpec = parsed.values.get('k');
  const key = keySpec ? parseKey(keySpec) : undefined;
  const lines: string[] = [];
  for await (const input of inputs(io, 'sort', parsed.operands)) {
    if ('error' in input) {
      io.stderr.write(`sort: cannot read: ${input.error.slice('sort: '.length)}\n`);
      return 2;
    }
    lines.push(...splitLines(input.text));
  }
  const numeric = f.has('n') || f.has('h') || Boolean(key?.numeric);
  const extract = (line: string) => (key ? fieldRange(line, key, sep) : line);
  const compareKeys = (a: string, b: string) => {
    if (numeric) {
      const d = leadingNumber(a) - leadingNumber(b);
      if (d !== 0) return d;
      return 0;
    }
    const x = f.has('f') ? a.toUpperCase() : a;
    const y = f.has('f') ? b.toUpperCase() : b;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const reverse = f.has('r') || Boolean(key?.reverse);
  const sorted = [...lines].sort((a, b) => {
    let d = compareKeys(extract(a), extract(b));
    // GNU's last-resort comparison of whole lines (skipped for -u, which compares keys only).
    if (d === 0 && !f.has('u')) d = a < b ? -1 : a > b ? 1 : 0;
    return reverse ? -d : d;
  });
  const out = f.has('u') ? sorted.filter((l, i) => i === 0 || compareKeys(extract(sorted[i - 1]), extract(l)) !== 0) : sorted;
  io.stdout.write(out.map((l) => l + '\n').join(''));
  return 0;
};

function parseKey(spec: string): Key {
  const [a, b] = spec.split(',');
  const flags = spec.replace(/[\d.,]/g, '');
  return { start: parseInt(a, 10), end: b !== undefined ? parseInt(b, 10) : undefined, numeric: flags.includes('n'), reverse: flags.includes('r') };
}

/** Fields are separated by SEP, or by the blank-to-nonblank transitions (leading blanks belong to the field). */
function fieldRange(line: string, key: Key, sep: string | undefined): string {
  const fields = sep !== undefined ? line.split(sep) : line.match(/\s*\S+/g) ?? [];
  const end = key.end ?? fields.length;
  const picked = fields.slice(key.start - 1, end);
  return sep !== undefined ? picked.join(sep) : picked.join('').replace(/^\s+/, '');
}

function leadingNumber(s: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(s);
  return m ? parseFloat(m[1]) : 0;
}
