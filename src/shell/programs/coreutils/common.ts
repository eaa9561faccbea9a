import { FsError } from '../../fs-types';
import type { ProgramIO } from '../../program';
import { resolvePath } from '../../path';

/** What coreutils prints for an fs error: the errno text ("No such file or directory"). */
export function errnoText(e: unknown): string {
  if (e instanceof FsError) return e.message;
  throw e;
}

export function abs(io: ProgramIO, path: string): string {
  return resolvePath(io.cwd, path);
}

/** Who runs the program: a container's processes run as root; the learner's own shell sets USER. */
export function userOf(io: ProgramIO): string {
  return io.env.USER ?? 'root';
}

/** GNU's "missing operand" pair of lines. */
export function missingOperand(io: ProgramIO, cmd: string, what = 'operand'): number {
  io.stderr.write(`${cmd}: missing ${what}\nTry '${cmd} --help' for more information.\n`);
  return 1;
}

export function invalidOption(io: ProgramIO, cmd: string, option: string, status = 1): number {
  const text = option.startsWith('--') ? `unrecognized option '${option}'` : `invalid option -- '${option.replace(/^-/, '')}'`;
  io.stderr.write(`${cmd}: ${text}\nTry '${cmd} --help' for more information.\n`);
  return status;
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

/**
 * getopt-style parsing: bundled short flags (-rf), options with values
 * (-n 5, -n5, --lines=5), `--` ends options; a lone `-` is an operand.
 * Returns the bad option when one is not known.
 */
export function parseArgs(args: string[], flags: string, valued: string, longMap: Record<string, string> = {}): ParsedArgs | { bad: string } {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const short = longMap[name];
      if (!short) return { bad: a };
      if (valued.includes(short)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { bad: a };
        out.values.set(short, v);
      } else out.flags.add(short);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      out.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (valued.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { bad: '-' + c };
        out.values.set(c, v);
        break;
      }
      if (!flags.includes(c)) return { bad: '-' + c };
      out.flags.add(c);
    }
  }
  return out;
}

/** Reads each operand (or stdin for none / `-`), reporting unreadable files as `cmd: name: error`. */
export async function* inputs(io: ProgramIO, cmd: string, files: string[]): AsyncGenerator<{ name: string; text: string } | { name: string; error: string }> {
  if (files.length === 0) files = ['-'];
  for (const name of files) {
    if (name === '-') {
      yield { name, text: await io.stdin.readAll() };
      continue;
    }
    try {
      yield { name, text: io.fs.readFile(abs(io, name)) };
    } catch (e) {
      yield { name, error: `${cmd}: ${name}: ${errnoText(e)}` };
    }
  }
}

/** Splits text into lines without their '\n' (a final line without one still counts). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
