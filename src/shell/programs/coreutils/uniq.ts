import type { Program } from '../../program';
import { inputs, invalidOption, parseArgs, splitLines } from './common';

/** uniq [-c] [-d] [-u] [-i] [INPUT]: adjacent duplicates only, as GNU does. */
export const uniq: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'cdui', '', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  if ('bad' in parsed) return invalidOption(io, 'uniq', parsed.bad);
  const f = parsed.flags;
  let text = '';
  for await (const input of inputs(io, 'uniq', parsed.operands.slice(0, 1))) {
    if ('error' in input) {
      io.stderr.write(input.error + '\n');
      return 1;
    }
    text = input.text;
  }
  const same = (a: string, b: string) => (f.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; count: number }[] = [];
  for (const line of splitLines(text)) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  let out = '';
  for (const g of groups) {
    if (f.has('d') && g.count < 2) continue;
    if (f.has('u') && g.count > 1) continue;
    out += (f.has('c') ? `${String(g.count).padStart(7)} ` : '') + g.line + '\n';
  }
  io.stdout.write(out);
  return 0;
};
