import type { Program, ProgramIO } from '../../program';
import { inputs } from './common';

/** head/tail option forms: -n N, -nN, -N, --lines=N, -n +N (tail), -c N; -q/-v headers. */
function options(io: ProgramIO, cmd: string): { count: string; bytes: boolean; files: string[]; headers: boolean | undefined; follow: boolean } | number {
  const args = io.argv.slice(1);
  let count = '10';
  let bytes = false;
  let headers: boolean | undefined;
  let follow = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '-c') {
      bytes = a === '-c';
      count = args[++i] ?? '';
    } else if (/^-[nc]./.test(a)) {
      bytes = a[1] === 'c';
      count = a.slice(2);
    } else if (a.startsWith('--lines=')) count = a.slice(8);
    else if (/^-\d+$/.test(a)) count = a.slice(1);
    else if (a === '-q') headers = false;
    else if (a === '-v') headers = true;
    else if (a === '-f' || a === '-F' || a === '--follow') follow = true;
    else if (a.startsWith('-') && a !== '-') {
      io.stderr.write(`${cmd}: invalid option -- '${a.slice(1)}'\nTry '${cmd} --help' for more information.\n`);
      return 1;
    } else files.push(a);
  }
  if (!/^[+-]?\d+$/.test(count)) {
    io.stderr.write(`${cmd}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${count}’\n`);
    return 1;
  }
  return { count, bytes, files, headers, follow };
}

function pieces(text: string, bytes: boolean): string[] {
  if (bytes) return [...text];
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

async function run(io: ProgramIO, cmd: 'head' | 'tail'): Promise<number> {
  const opts = options(io, cmd);
  if (typeof opts === 'number') return opts;
  const files = opts.files.length > 0 ? opts.files : ['-'];
  const headers = opts.headers ?? files.length > 1;
  let status = 0;
  let first = true;
  for await (const input of inputs(io, cmd, files)) {
    if ('error' in input) {
      io.stderr.write(`${cmd}: cannot open '${input.name}' for reading: ${input.error.split(': ').pop()}\n`);
      status = 1;
      continue;
    }
    if (headers) io.stdout.write(`${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    first = false;
    const parts = pieces(input.text, opts.bytes);
    const n = Number(opts.count);
    let chosen: string[];
    if (cmd === 'head') chosen = opts.count.startsWith('-') ? parts.slice(0, Math.max(0, parts.length + n)) : parts.slice(0, n);
    else chosen = opts.count.startsWith('+') ? parts.slice(Math.max(0, n - 1)) : parts.slice(Math.max(0, parts.length - Math.abs(n)));
    io.stdout.write(chosen.join(''));
  }
  if (cmd === 'tail' && opts.follow && status === 0) {
    // tail -f: nothing more arrives in this shell's files; wait for Ctrl-C.
    await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }));
    return 130;
  }
  return status;
}

export const head: Program = (io) => run(io, 'head');
export const tail: Program = (io) => run(io, 'tail');
