/**
 * How a container's main process behaves, decided from its image and its
 * command/args: keeps running, or exits with a code after some time; and
 * whether it honours SIGTERM (a shell or `sleep` as PID 1 does not).
 */
import { familyFor, type ImageFamily } from './catalogue';
import { parseImage } from './reference';
import { planScript } from './script-plan';

export interface ContainerSpecLike {
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  stdin?: boolean;
  tty?: boolean;
}

/** A file change or log line a script makes at a time after the container starts. */
export interface ProcessStep {
  atMs: number;
  op: 'touch' | 'rm' | 'mkdir' | 'write' | 'append' | 'log';
  /** The file (or, for 'log', the line). */
  path: string;
  data?: string;
}

export type ProcessPlan =
  | { kind: 'runs'; stopsOnSigterm: boolean; steps?: ProcessStep[] }
  | { kind: 'exits'; exitCode: number; afterMs: number; stopsOnSigterm: boolean; steps?: ProcessStep[] };

const LONG_RUNNING = [/\bsleep\s+(infinity|inf)\b/, /\btail\s+-f\b/, /\bwhile\s+(true|:)/, /\bhttpd\b.*-f/, /\bnc\s+-l/, /\bsleep\s+\d{4,}/];

const INTERACTIVE_SHELL = /^(\/(usr\/)?bin\/)?(sh|bash|ash|zsh)( -[il]+)*$/;

function scriptOf(c: ContainerSpecLike): string {
  return [...(c.command ?? []), ...(c.args ?? [])].join(' ');
}

function serverArgs(family: ImageFamily, args: string[] | undefined): boolean {
  if (!args?.length || args[0].startsWith('-')) return true;
  if (family.serverConfigSuffix && args[0].endsWith(family.serverConfigSuffix)) return true;
  return family.serverCommand !== undefined && args[0] === family.serverCommand;
}

const baseName = (path: string) => path.split('/').pop() ?? path;

/** Whether the container runs its image's own server: no command (no args, or args the entrypoint passes to the server), or a command naming the server itself. */
export function runsImageServer(family: ImageFamily, c: ContainerSpecLike): boolean {
  if (family.process !== 'server') return false;
  if (c.command?.length) return family.serverCommand !== undefined && baseName(c.command[0]) === family.serverCommand;
  return !family.entrypointExecsArgs || serverArgs(family, c.args);
}

/** Whether a container of this image runs the image's server as its main process, by the kubelet's own rule (planProcess). */
export function runsImageServerProcess(instance: { image: string }, c: ContainerSpecLike | undefined): boolean {
  const family = familyFor(parseImage(instance.image).name);
  return !!family && !!c && runsImageServer(family, c) && planProcess(family, c).kind === 'runs';
}

/** The server's own arguments (after its name) when the container runs it. */
export function serverArgv(family: ImageFamily, c: ContainerSpecLike): string[] {
  if (c.command?.length) return [...c.command.slice(1), ...(c.args ?? [])];
  const args = c.args ?? [];
  return args[0] === family.serverCommand ? args.slice(1) : args;
}

export function planProcess(family: ImageFamily, c: ContainerSpecLike): ProcessPlan {
  const script = scriptOf(c);
  if (script === '') {
    if (family.process === 'shell') {
      // An interactive shell waits on its terminal; without one it reads EOF and exits 0.
      if (c.stdin || c.tty) return { kind: 'runs', stopsOnSigterm: false };
      return { kind: 'exits', exitCode: 0, afterMs: 50, stopsOnSigterm: true };
    }
    const needs = family.requiresOneOfEnv;
    if (needs && !(c.env ?? []).some((e) => needs.includes(e.name))) return { kind: 'exits', exitCode: 1, afterMs: 300, stopsOnSigterm: true };
    return { kind: 'runs', stopsOnSigterm: true };
  }
  // The server images' entrypoints run the server for no args or options, else exec the args (mysql's `-- mysql -h …`).
  if (runsImageServer(family, c)) return planProcess(family, { ...c, command: undefined, args: undefined });
  // A shell given a terminal (`kubectl run -it … -- sh`) waits on it like the image's default shell.
  if ((c.stdin || c.tty) && INTERACTIVE_SHELL.test(script)) return { kind: 'runs', stopsOnSigterm: false };
  // `kubectl run -i … -- CMD`: the command is what the attach runs, so the container waits for it.
  if (c.stdin) return { kind: 'runs', stopsOnSigterm: true };
  const sequence = planScript(c);
  if (sequence) return sequence;
  // A shell or sleep as PID 1 has no SIGTERM handler: it waits out the grace period.
  if (LONG_RUNNING.some((r) => r.test(script))) return { kind: 'runs', stopsOnSigterm: false };
  const sleep = /\bsleep\s+(\d+)/.exec(script);
  if (sleep) return { kind: 'exits', exitCode: 0, afterMs: Number(sleep[1]) * 1000, stopsOnSigterm: false };
  if (/\bexit\s+([1-9]\d*)/.test(script)) return { kind: 'exits', exitCode: Number(/\bexit\s+(\d+)/.exec(script)![1]), afterMs: 50, stopsOnSigterm: true };
  return { kind: 'exits', exitCode: 0, afterMs: 50, stopsOnSigterm: true };
}
