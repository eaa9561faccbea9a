/**
 * A container's command as a timed sequence, for the simple scripts tutorials
 * run as PID 1 (`touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`):
 * file changes and echoed lines happen at their moment on the simulated clock,
 * and the process exits when the script ends. Anything beyond touch, rm, mkdir,
 * echo (to a file or the log), sleep, exit, true and `:` joined by `;`, `&&`,
 * `||` or newlines is left to process.ts's heuristics (undefined).
 */
import type { ContainerSpecLike, ProcessPlan, ProcessStep } from './process';

/** A shell binary, as `sh -c` scripts name it. */
export const SHELL = /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash)$/;

interface Word {
  text: string;
  /** An unquoted operator (`;`, `&&`, `||`, `>`, `>>`, newline). */
  op?: boolean;
}

/** Splits a script into words and operators; undefined for syntax this model does not follow. */
export function lexScript(script: string): Word[] | undefined {
  const out: Word[] = [];
  let i = 0;
  let cur: string | undefined;
  const flush = (): void => {
    if (cur !== undefined) out.push({ text: cur });
    cur = undefined;
  };
  while (i < script.length) {
    const ch = script[i];
    if (ch === ' ' || ch === '\t') {
      flush();
      i++;
    } else if (ch === '\n' || ch === ';') {
      flush();
      out.push({ text: ';', op: true });
      i++;
    } else if (script.startsWith('&&', i) || script.startsWith('||', i) || script.startsWith('>>', i)) {
      flush();
      out.push({ text: script.slice(i, i + 2), op: true });
      i += 2;
    } else if (script.startsWith('2>&1', i)) {
      flush();
      i += 4;
    } else if (ch === '>') {
      flush();
      out.push({ text: '>', op: true });
      i++;
    } else if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) return undefined;
      cur = (cur ?? '') + script.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      const end = script.indexOf('"', i + 1);
      const body = end < 0 ? '' : script.slice(i + 1, end);
      if (end < 0 || /[$`\\]/.test(body)) return undefined;
      cur = (cur ?? '') + body;
      i = end + 1;
    } else if ('|&<$`(){}*?#\\'.includes(ch)) {
      return undefined;
    } else {
      cur = (cur ?? '') + ch;
      i++;
    }
  }
  flush();
  return out;
}

export interface SimpleCommand {
  argv: string[];
  /** The last output redirection (`>` or `>>`). */
  redirect?: { op: string; path: string };
  /** The operator after the command (`;`, `&&`, `||`), none after the last. */
  joiner?: string;
}

/** Groups lexed words into simple commands; undefined when a redirection has no target. */
export function splitCommands(words: Word[]): SimpleCommand[] | undefined {
  const out: SimpleCommand[] = [];
  let i = 0;
  while (i < words.length) {
    const cmd: SimpleCommand = { argv: [] };
    while (i < words.length && !(words[i].op && [';', '&&', '||'].includes(words[i].text))) {
      const w = words[i++];
      if (w.op) {
        const target = words[i++];
        if (!target || target.op) return undefined;
        cmd.redirect = { op: w.text, path: target.text };
      } else cmd.argv.push(w.text);
    }
    if (i < words.length) cmd.joiner = words[i].text;
    i++;
    out.push(cmd);
  }
  return out;
}

/** The shell script a container runs: `sh -c SCRIPT` (from command and args together), or a plain command line. */
function scriptOf(c: ContainerSpecLike): string | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  if (argv.length >= 3 && SHELL.test(argv[0]) && argv[1] === '-c') return argv[2];
  if (!argv.length || SHELL.test(argv[0])) return undefined;
  return argv.map((a) => (/^[\w./=:-]+$/.test(a) ? a : `'${a.replace(/'/g, '')}'`)).join(' ');
}

export function planScript(c: ContainerSpecLike): ProcessPlan | undefined {
  const script = scriptOf(c);
  const words = script === undefined ? undefined : lexScript(script);
  if (!words) return undefined;
  const commands = splitCommands(words);
  if (!commands) return undefined;
  const steps: ProcessStep[] = [];
  let at = 0;
  for (const { argv, redirect } of commands) {
    if (!argv.length) continue;
    const [cmd, ...rest] = argv;
    const operands = rest.filter((a) => !a.startsWith('-'));
    const toFile = redirect && redirect.path !== '/dev/null' && redirect.path.startsWith('/') ? redirect : undefined;
    switch (cmd) {
      case 'touch':
      case 'mkdir':
        for (const p of operands) steps.push({ atMs: at, op: cmd, path: p });
        break;
      case 'rm':
        for (const p of operands) steps.push({ atMs: at, op: 'rm', path: p });
        break;
      case 'echo': {
        const line = (rest[0] === '-n' ? rest.slice(1) : rest).join(' ');
        if (toFile) steps.push({ atMs: at, op: toFile.op === '>>' ? 'append' : 'write', path: toFile.path, data: rest[0] === '-n' ? line : `${line}\n` });
        else if (!redirect) steps.push({ atMs: at, op: 'log', path: line });
        break;
      }
      case 'sleep': {
        if (operands[0] === 'infinity' || operands[0] === 'inf') return { kind: 'runs', stopsOnSigterm: false, steps };
        const seconds = Number(operands[0]);
        if (!Number.isFinite(seconds)) return undefined;
        at += seconds * 1000;
        break;
      }
      case 'exit':
        return { kind: 'exits', exitCode: Number(operands[0] ?? 0) & 255, afterMs: Math.max(at, 50), stopsOnSigterm: at === 0, steps };
      case 'true':
      case ':':
        break;
      default:
        return undefined;
    }
  }
  // A shell or `sleep` as PID 1 has no SIGTERM handler; a script that only touches files ends at once.
  const sleeps = at > 0;
  return { kind: 'exits', exitCode: 0, afterMs: Math.max(at, 50), stopsOnSigterm: !sleeps, steps };
}
