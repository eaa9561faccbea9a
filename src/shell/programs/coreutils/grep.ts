import type { Program, ProgramIO } from '../../program';
import { abs, errnoText, parseArgs, splitLines } from './common';
import { compileRegex } from './regex';

const LONG = { 'invert-match': 'v', 'ignore-case': 'i', 'extended-regexp': 'E', count: 'c', 'line-number': 'n', 'only-matching': 'o', 'word-regexp': 'w', quiet: 'q', silent: 'q', 'files-with-matches': 'l', regexp: 'e', recursive: 'r', 'no-filename': 'h', 'with-filename': 'H', 'fixed-strings': 'F', 'after-context': 'A', 'before-context': 'B', context: 'C', color: 'Z', colour: 'Z' };

/** GNU grep: exit 0 on a match, 1 on none, 2 on error (unless a match was found with -q). */
export const grep: Program = async (io) => {
  const args = io.argv.slice(1).map((a) => (a.startsWith('--colo') ? '--color=auto' : a));
  const parsed = parseArgs(args, 'viEcnowqlrhHFGsZ', 'eABCZ', LONG);
  if ('bad' in parsed) {
    io.stderr.write(`grep: ${parsed.bad.startsWith('--') ? `unrecognized option '${parsed.bad}'` : `invalid option -- '${parsed.bad.slice(1)}'`}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
    return 2;
  }
  const f = parsed.flags;
  const operands = [...parsed.operands];
  const pattern = parsed.values.get('e') ?? operands.shift();
  if (pattern === undefined) {
    io.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let re: RegExp;
  try {
    re = compileRegex(pattern, { extended: f.has('E'), fixed: f.has('F'), ignoreCase: f.has('i'), word: f.has('w') });
  } catch {
    io.stderr.write('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const after = Number(parsed.values.get('A') ?? parsed.values.get('C') ?? 0);
  const before = Number(parsed.values.get('B') ?? parsed.values.get('C') ?? 0);
  const files = operands.length > 0 ? operands : ['-'];
  const prefix = (files.length > 1 || f.has('r')) && !f.has('h') || f.has('H');
  let matched = false;
  let error = false;
  for (const file of expandFiles(io, files, f.has('r'))) {
    let text: string;
    if (file === '-') text = await io.stdin.readAll();
    else {
      try {
        text = io.fs.readFile(abs(io, file));
      } catch (e) {
        if (!f.has('s')) io.stderr.write(`grep: ${file}: ${errnoText(e)}\n`);
        error = true;
        continue;
      }
    }
    const name = file === '-' ? '(standard input)' : file;
    const lines = splitLines(text);
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    const out: string[] = [];
    const emit = (i: number, sep: string, body: string) => {
      if ((before > 0 || after > 0) && lastPrinted >= 0 && i > lastPrinted + 1) out.push('--\n');
      out.push(`${prefix ? name + sep : ''}${f.has('n') ? i + 1 + sep : ''}${body}\n`);
      lastPrinted = i;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      re.lastIndex = 0;
      const hit = re.test(line) !== f.has('v');
      if (!hit) {
        if (afterLeft > 0) {
          emit(i, '-', line);
          afterLeft--;
        }
        continue;
      }
      count++;
      if (f.has('q')) return 0;
      if (f.has('c') || f.has('l')) continue;
      for (let b = Math.max(lastPrinted + 1, i - before); b < i; b++) emit(b, '-', lines[b]);
      if (f.has('o') && !f.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) {
          if (m[0] !== '') emit(i, ':', m[0]);
        }
      } else emit(i, ':', line);
      afterLeft = after;
    }
    if (count > 0) matched = true;
    if (f.has('l')) {
      if (count > 0) io.stdout.write(name + '\n');
    } else if (f.has('c')) io.stdout.write(`${prefix ? name + ':' : ''}${count}\n`);
    else io.stdout.write(out.join(''));
  }
  if (error && !(f.has('q') && matched)) return 2;
  return matched ? 0 : 1;
};

function expandFiles(io: ProgramIO, files: string[], recursive: boolean): string[] {
  if (!recursive) return files;
  const out: string[] = [];
  const walk = (name: string) => {
    const path = abs(io, name);
    if (io.fs.exists(path) && io.fs.stat(path).type === 'dir') {
      for (const child of io.fs.readdir(path)) walk(`${name.replace(/\/$/, '')}/${child}`);
    } else out.push(name);
  };
  for (const f of files) walk(f === '-' ? '.' : f);
  return out;
}
