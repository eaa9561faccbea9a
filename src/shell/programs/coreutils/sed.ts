import type { Program } from '../../program';
import { abs, inputs, splitLines } from './common';
import { parseSedScript, SedError, selects, type SedCommand } from './sed-script';

/**
 * sed [-n] [-i] [-E] [-e SCRIPT]... [SCRIPT] [FILE]...: addresses (N, $, /RE/,
 * ranges, !) with the s, d, p, q and = commands — what tutorials use.
 */
export const sed: Program = async (io) => {
  const args = io.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
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
  let commands: SedCommand[];
  try {
    commands = parseSedScript(scripts.join('\n'), extended);
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    io.stderr.write(`sed: ${e.message}\n`);
    return 1;
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
    const out = runScript(commands, splitLines(input.text), quiet);
    // -i writes each file's result back to it instead of to stdout.
    if (inPlace) io.fs.writeFile(abs(io, input.name), out);
    else io.stdout.write(out);
  }
  return status;
};

function runScript(commands: SedCommand[], lines: string[], quiet: boolean): string {
  for (const c of commands) c.active = false;
  let out = '';
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    const isLast = n === lines.length - 1;
    let deleted = false;
    let quit = false;
    for (const c of commands) {
      if (!selects(c, line, n + 1, isLast)) continue;
      if (c.name === 'd') {
        deleted = true;
        break;
      }
      if (c.name === 'p') out += line + '\n';
      else if (c.name === '=') out += `${n + 1}\n`;
      else if (c.name === 'q') {
        quit = true;
        break;
      } else if (c.substitution) {
        const { re, replacement, print } = c.substitution;
        re.lastIndex = 0;
        if (!re.test(line)) continue;
        re.lastIndex = 0;
        line = line.replace(re, replacement);
        if (print) out += line + '\n';
      }
    }
    if (!deleted && !quiet) out += line + '\n';
    if (quit) break;
  }
  return out;
}
