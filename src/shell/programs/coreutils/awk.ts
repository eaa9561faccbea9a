import type { Program } from '../../program';
import { abs, errnoText, splitLines } from './common';
import { interpretEscapes } from './echo';
import { AwkRuntime } from './awk/interp';
import { AwkSyntaxError } from './awk/lexer';
import { parseAwk } from './awk/parse';

/** awk [-F FS] [-v VAR=VALUE] 'PROGRAM' [FILE]... (a POSIX awk subset; errors as GNU awk prints them). */
export const awk: Program = async (io) => {
  const args = io.argv.slice(1);
  const vars: Record<string, string> = {};
  let source: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (source === undefined && (a === '-F' || a.startsWith('-F'))) vars.FS = fieldSeparator(a === '-F' ? (args[++i] ?? '') : a.slice(2));
    else if (source === undefined && (a === '-v' || a.startsWith('-v'))) {
      const assign = a === '-v' ? (args[++i] ?? '') : a.slice(2);
      const eq = assign.indexOf('=');
      if (eq > 0) vars[assign.slice(0, eq)] = interpretEscapes(assign.slice(eq + 1));
    } else if (source === undefined && a === '--') continue;
    else if (source === undefined) source = a;
    else files.push(a);
  }
  if (source === undefined) {
    io.stderr.write('usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nusage: awk [POSIX or GNU style options] [--] \'program\' file ...\n');
    return 2;
  }
  let runtime: AwkRuntime;
  try {
    runtime = new AwkRuntime(parseAwk(source), {
      write: (text) => io.stdout.write(text),
      writeFile: (path, text, append) => (append ? io.fs.appendFile(abs(io, path), text) : io.fs.writeFile(abs(io, path), text)),
    }, vars);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    io.stderr.write(`awk: cmd. line:1: ${source}\nawk: cmd. line:1: ${e.message}\n`);
    return 1;
  }
  try {
    let going = runtime.begin();
    if (going && runtime.hasMainRules) {
      for (const file of files.length > 0 ? files : ['-']) {
        if (!going) break;
        if (file === '-') {
          // Streaming: records are handled as lines arrive (`kubectl get pods -w | awk …`).
          let pending = '';
          for (let chunk = await io.stdin.read(); chunk !== null && going; chunk = await io.stdin.read()) {
            pending += chunk;
            const lines = pending.split('\n');
            pending = lines.pop()!;
            for (const line of lines) if (going) going = runtime.record(line);
          }
          if (pending !== '' && going) going = runtime.record(pending);
          continue;
        }
        let text: string;
        try {
          text = io.fs.readFile(abs(io, file));
        } catch (e) {
          io.stderr.write(`awk: fatal: cannot open file \`${file}' for reading: ${errnoText(e)}\n`);
          return 2;
        }
        for (const line of splitLines(text)) if (going) going = runtime.record(line);
      }
    }
    return runtime.end();
  } catch (e) {
    if (e instanceof Error && /division by zero/.test(e.message)) {
      io.stderr.write(`awk: cmd. line:1: fatal: ${e.message} attempted\n`);
      return 2;
    }
    throw e;
  }
};

function fieldSeparator(fs: string): string {
  if (fs === 't') return '\t';
  return interpretEscapes(fs);
}
