import type { Program } from '../../program';
import { abs, errnoText, invalidOption, parseArgs } from './common';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
}

/** wc [-l] [-w] [-c] [-m]: GNU's widths (1 for a single count of one input, else digits of the total size; 7 for stdin). */
export const wc: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'lwcmL', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if ('bad' in parsed) return invalidOption(io, 'wc', parsed.bad);
  let shown = (['l', 'w', 'm', 'c'] as const).filter((k) => parsed.flags.has(k));
  if (shown.length === 0) shown = ['l', 'w', 'c'];
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const results: { name: string; counts: Counts }[] = [];
  let status = 0;
  let nonRegular = false;
  let regularSize = 0;
  const errors: string[] = [];
  for (const name of files) {
    let text: string;
    if (name === '-') {
      text = await io.stdin.readAll();
      nonRegular = true;
    } else {
      try {
        const path = abs(io, name);
        text = io.fs.readFile(path);
        regularSize += io.fs.stat(path).size;
      } catch (e) {
        errors.push(`wc: ${name}: ${errnoText(e)}\n`);
        status = 1;
        results.push({ name: '\0error', counts: { lines: 0, words: 0, chars: 0, bytes: 0 } });
        continue;
      }
    }
    results.push({ name, counts: count(text) });
  }
  let width = 1;
  if (!(files.length === 1 && shown.length === 1)) {
    width = Math.max(String(regularSize).length, nonRegular ? 7 : 1);
  }
  const format = (c: Counts, name: string) => {
    const values = shown.map((k) => String(k === 'l' ? c.lines : k === 'w' ? c.words : k === 'm' ? c.chars : c.bytes).padStart(width));
    return values.join(' ') + (name === '-' && files.length === 1 && parsed.operands.length === 0 ? '' : ` ${name}`) + '\n';
  };
  let errorIndex = 0;
  for (const r of results) {
    if (r.name === '\0error') io.stderr.write(errors[errorIndex++]);
    else io.stdout.write(format(r.counts, r.name));
  }
  if (files.length > 1) {
    const total = results.filter((r) => r.name !== '\0error').reduce((t, r) => ({ lines: t.lines + r.counts.lines, words: t.words + r.counts.words, chars: t.chars + r.counts.chars, bytes: t.bytes + r.counts.bytes }), { lines: 0, words: 0, chars: 0, bytes: 0 });
    io.stdout.write(format(total, 'total'));
  }
  return status;
};

function count(text: string): Counts {
  return {
    lines: (text.match(/\n/g) ?? []).length,
    words: text.split(/\s+/).filter((w) => w !== '').length,
    chars: [...text].length,
    bytes: new TextEncoder().encode(text).length,
  };
}
