import type { Program } from '../../program';
import { interpretEscapes } from './echo';

/** tr [-d] [-s] SET1 [SET2]: ranges (a-z), classes ([:upper:]), escapes (\n). */
export const tr: Program = async (io) => {
  const args = io.argv.slice(1);
  const flags = new Set<string>();
  while (args.length > 0 && /^-[dsc]+$/.test(args[0])) for (const c of args.shift()!.slice(1)) flags.add(c);
  if (args.length === 0) {
    io.stderr.write("tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  const set1 = expandSet(args[0]);
  const set2 = args[1] !== undefined ? expandSet(args[1]) : [];
  if (!flags.has('d') && !flags.has('s') && args.length < 2) {
    io.stderr.write(`tr: missing operand after ‘${args[0]}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const text = await io.stdin.readAll();
  let out = '';
  let last = '';
  for (const ch of text) {
    const i = set1.indexOf(ch);
    let c = ch;
    if (flags.has('d') && i >= 0) continue;
    if (!flags.has('d') && i >= 0 && set2.length > 0) c = set2[Math.min(i, set2.length - 1)];
    const squeezeSet = flags.has('d') || set2.length === 0 ? set1 : set2;
    if (flags.has('s') && c === last && squeezeSet.includes(c)) continue;
    out += c;
    last = c;
  }
  io.stdout.write(out);
  return 0;
};

const CLASSES: Record<string, string> = { upper: 'A-Z', lower: 'a-z', digit: '0-9', alpha: 'a-zA-Z', alnum: 'a-zA-Z0-9', space: ' \t\n\r\f\v', blank: ' \t' };

function expandSet(spec: string): string[] {
  const text = interpretEscapes(spec.replace(/\[:(\w+):\]/g, (m, name: string) => CLASSES[name] ?? m));
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      for (let c = chars[i].codePointAt(0)!; c <= chars[i + 2].codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]);
  }
  return out;
}
