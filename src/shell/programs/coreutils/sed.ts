import type { Program } from '../../program';
import { abs, inputs, splitLines } from './common';
import { compileRegex } from './regex';

interface Substitution {
  re: RegExp;
  replacement: string;
  print: boolean;
}

/** sed [-n] [-i] [-E] [-e] 's/RE/REPL/[g][i][p]' [FILE]...: substitution scripts only. */
export const sed: Program = async (io) => {
  const args = io.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n') quiet = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-i' || a === '--in-place') inPlace = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (a.startsWith('-') && a !== '-') {
      io.stderr.write(`sed: invalid option -- '${a.slice(1)}'\n`);
      return 1;
    } else if (scripts.length === 0) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) {
    io.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  const commands: Substitution[] = [];
  for (const script of scripts.flatMap((s) => s.split(/;\s*|\n/)).filter((s) => s.trim() !== '')) {
    const sub = parseSubstitution(script.trim(), extended);
    if (typeof sub === 'string') {
      io.stderr.write(`sed: -e expression #1, char ${script.length}: ${sub}\n`);
      return 1;
    }
    commands.push(sub);
  }
  if (inPlace && files.length === 0) {
    io.stderr.write('sed: no input files\n');
    return 1;
  }
  let status = 0;
  for await (const input of inputs(io, 'sed', files)) {
    if ('error' in input) {
      io.stderr.write(`sed: can't read ${input.name}: ${input.error.split(': ').pop()}\n`);
      status = 2;
      continue;
    }
    let out = '';
    for (let line of splitLines(input.text)) {
      let printed = '';
      for (const c of commands) {
        c.re.lastIndex = 0;
        if (!c.re.test(line)) continue;
        c.re.lastIndex = 0;
        line = line.replace(c.re, c.replacement);
        if (c.print) printed += line + '\n';
      }
      out += printed + (quiet ? '' : line + '\n');
    }
    // -i writes each file's result back to it instead of to stdout.
    if (inPlace) io.fs.writeFile(abs(io, input.name), out);
    else io.stdout.write(out);
  }
  return status;
};

function parseSubstitution(script: string, extended: boolean): Substitution | string {
  if (script[0] !== 's' || script.length < 2) return `unknown command: \`${script[0]}'`;
  const delim = script[1];
  const parts: string[] = [];
  let cur = '';
  for (let i = 2; i < script.length; i++) {
    const c = script[i];
    if (c === '\\' && script[i + 1] === delim) {
      cur += delim;
      i++;
    } else if (c === '\\') {
      cur += c + (script[i + 1] ?? '');
      i++;
    } else if (c === delim) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (parts.length < 2) return "unterminated `s' command";
  const flags = cur;
  const re = compileRegex(parts[0], { extended, ignoreCase: flags.includes('i') || flags.includes('I'), global: flags.includes('g') });
  // sed's & and \1 become JavaScript's $& and $1; a literal $ must be doubled.
  const replacement = parts[1].replace(/\$/g, '$$$$').replace(/\\(\d)|\\(.)|&/g, (m, d?: string, c?: string) => (d ? `$${d}` : c !== undefined ? (c === 'n' ? '\n' : c) : '$&'));
  return { re, replacement, print: flags.includes('p') };
}
