/**
 * Exec probes run inside the container (the CRI's ExecSync). The cluster core
 * cannot import the learner's shell, so this runs the small set probes use:
 * cat, test/[, ls, true, false, echo, sleep, exit, `sh -c` lists of those
 * (`;`, `&&`, `||`). Other programs are taken as healthy (exit 0): kubelab does
 * not model them (mysqladmin ping, pg_isready …) and a false failure would kill
 * a working container. Messages follow the image's userland (busybox or GNU).
 */
import type { FileSystem } from '../storage/fs-types';
import { FsError } from '../storage/fs-types';
import type { ImageContents } from '../images/contents';
import { SHELL, lexScript, splitCommands } from '../images/script-plan';
import { normalizePath } from '../storage/path';
import type { RedisConnection } from '../containers/redis/types';
import { formatRaw } from '../containers/redis/raw-reply';

export interface ExecProbeResult {
  exitCode: number;
  /** Combined stdout and stderr, as ExecSync returns them. */
  output: string;
  timedOut?: boolean;
}

/** Connects to a redis-server in the container's network namespace (127.0.0.1:port). */
export type RedisDialer = (port: number) => RedisConnection | undefined;

interface Ctx {
  fs: FileSystem;
  redis?: RedisDialer;
  busybox: boolean;
  /** Seconds the command may run (timeoutSeconds); sleeps spend it. */
  budget: number;
}

export function runExecProbe(argv: string[], fs: FileSystem, contents: ImageContents, timeoutSeconds: number, redis?: RedisDialer): ExecProbeResult {
  const ctx: Ctx = { fs, busybox: contents.prompt === 'ash', budget: timeoutSeconds, redis: contents.redisVersion ? redis : undefined };
  const result = run(argv, ctx);
  // ExecSync's deadline: the runtime reports the command, not its output.
  if (ctx.budget <= 0) return { exitCode: -1, output: `command "${argv.join(' ')}" timed out`, timedOut: true };
  return result;
}

function run(argv: string[], ctx: Ctx): ExecProbeResult {
  const [cmd, ...args] = argv;
  const name = cmd?.split('/').pop() ?? '';
  if (SHELL.test(cmd ?? '') && args[0] === '-c') return script(args[1] ?? '', ctx);
  switch (name) {
    case 'true':
    case ':':
      return { exitCode: 0, output: '' };
    case 'false':
      return { exitCode: 1, output: '' };
    case 'exit':
      return { exitCode: Number(args[0] ?? 0) & 255, output: '' };
    case 'echo':
      return { exitCode: 0, output: args[0] === '-n' ? args.slice(1).join(' ') : `${args.join(' ')}\n` };
    case 'sleep':
      ctx.budget -= Number(args[0]) || 0;
      return { exitCode: 0, output: '' };
    case 'cat':
      return cat(args, ctx);
    case 'ls':
      return ls(args, ctx);
    case 'test':
      return { exitCode: test(args, ctx) ? 0 : 1, output: '' };
    case '[':
      if (args[args.length - 1] !== ']') return { exitCode: 2, output: ctx.busybox ? 'sh: missing ]\n' : "[: missing `]'\n" };
      return { exitCode: test(args.slice(0, -1), ctx) ? 0 : 1, output: '' };
    case 'redis-cli':
      return ctx.redis ? redisCli(args, ctx.redis) : { exitCode: 0, output: '' };
    default:
      return { exitCode: 0, output: '' };
  }
}

/** `redis-cli [-p port] [-a pass] CMD…` against the pod's own server, printed raw (no terminal); an error reply still exits 0. */
function redisCli(args: string[], dial: RedisDialer): ExecProbeResult {
  let port = 6379;
  let password: string | undefined;
  let output = '';
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '-p') port = Number(args[++i]);
    else if (args[i] === '-a') password = args[++i];
    else if (args[i] === '-h') i++;
  }
  if (password !== undefined && !args.includes('--no-auth-warning')) output += "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n";
  const conn = dial(port);
  if (!conn) return { exitCode: 1, output: `${output}Could not connect to Redis at 127.0.0.1:${port}: Connection refused\n` };
  if (password !== undefined) conn.command(['AUTH', password]);
  const command = args.slice(i);
  if (!command.length) return { exitCode: 0, output };
  const reply = conn.command(command);
  conn.close();
  return { exitCode: 0, output: `${output}${formatRaw(reply)}\n` };
}

/** `sh -c`: simple commands joined by `;`, `&&`, `||`; output redirections drop the output. */
function script(text: string, ctx: Ctx): ExecProbeResult {
  const words = lexScript(text);
  const commands = words && splitCommands(words);
  if (!commands) return { exitCode: 0, output: '' };
  let output = '';
  let status = 0;
  let skip = false;
  for (const { argv, redirect, joiner } of commands) {
    if (argv.length && !skip) {
      if (argv[0] === 'exit') return { exitCode: argv[1] === undefined ? status : Number(argv[1]) & 255, output };
      const r = run(argv, ctx);
      status = r.exitCode;
      if (!redirect) output += r.output;
      if (ctx.budget <= 0) break;
    }
    skip = (joiner === '&&' && status !== 0) || (joiner === '||' && status === 0);
  }
  return { exitCode: status, output };
}

function cat(args: string[], ctx: Ctx): ExecProbeResult {
  let output = '';
  let exitCode = 0;
  for (const a of args.filter((x) => !x.startsWith('-') || x === '-')) {
    try {
      output += ctx.fs.readFile(normalizePath(a));
    } catch (e) {
      exitCode = 1;
      const why = e instanceof FsError ? e.message : String(e);
      if (e instanceof FsError && e.code === 'EISDIR') output += ctx.busybox ? `cat: read error: ${why}\n` : `cat: ${a}: ${why}\n`;
      else output += ctx.busybox ? `cat: can't open '${a}': ${why}\n` : `cat: ${a}: ${why}\n`;
    }
  }
  return { exitCode, output };
}

function ls(args: string[], ctx: Ctx): ExecProbeResult {
  const operands = args.filter((a) => !a.startsWith('-'));
  let output = '';
  let exitCode = 0;
  for (const a of operands.length ? operands : ['.']) {
    const path = normalizePath(a);
    if (!ctx.fs.exists(path)) {
      exitCode = ctx.busybox ? 1 : 2;
      output += ctx.busybox ? `ls: ${a}: No such file or directory\n` : `ls: cannot access '${a}': No such file or directory\n`;
      continue;
    }
    output += ctx.fs.stat(path).type === 'dir' ? ctx.fs.readdir(path).map((n) => `${n}\n`).join('') : `${a}\n`;
  }
  return { exitCode, output };
}

function test(args: string[], ctx: Ctx): boolean {
  if (args[0] === '!') return !test(args.slice(1), ctx);
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, operand] = args;
    const path = normalizePath(operand);
    const stat = (): ReturnType<FileSystem['stat']> | undefined => (ctx.fs.exists(path) ? ctx.fs.stat(path) : undefined);
    switch (op) {
      case '-e':
      case '-r':
      case '-w':
        return !!stat();
      case '-f':
        return stat()?.type === 'file';
      case '-d':
        return stat()?.type === 'dir';
      case '-s':
        return (stat()?.size ?? 0) > 0;
      case '-x':
        return !!stat() && ((stat()!.mode & 0o111) !== 0 || stat()!.type === 'dir');
      case '-n':
        return operand !== '';
      case '-z':
        return operand === '';
      default:
        return false;
    }
  }
  const [a, op, b] = args;
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-gt':
      return x > y;
    case '-lt':
      return x < y;
    case '-ge':
      return x >= y;
    case '-le':
      return x <= y;
    default:
      return false;
  }
}
