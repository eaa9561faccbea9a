/** A kubectl command, as cobra describes one: name, flags, help, run. */
import type { Invocation } from '../context';
import type { FlagSpec, Flags } from './flags';

export interface Command {
  name: string;
  aliases?: string[];
  /** One line for the command list. */
  short: string;
  /** Help text before the Options section (Long + Examples), without trailing newline. */
  long?: string;
  /** `kubectl get [(-o|--output=)…] … [options]`. */
  usage: string;
  flags: FlagSpec[];
  subcommands?: Command[];
  /** Runs the command; throws errors for CheckErr to render. Resolves with the exit code. */
  run?(inv: Invocation, flags: Flags): Promise<number>;
}

/** kubectl's global flags (`kubectl options`). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', short: 'v', type: 'int', usage: 'number for the log level verbosity' },
  { name: 'as', type: 'string', usage: 'Username to impersonate for the operation.' },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: 'If true, the server\'s certificate will not be checked for validity.' },
  { name: 'match-server-version', type: 'bool', usage: 'Require server version to match client version' },
  { name: 'warnings-as-errors', type: 'bool', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for kubectl' },
];

export function findCommand(list: Command[], name: string): Command | undefined {
  return list.find((c) => c.name === name || c.aliases?.includes(name));
}

function flagLine(f: FlagSpec): string {
  const def = f.default ?? (f.type === 'bool' ? false : f.type === 'int' ? 0 : f.type === 'string' ? '' : []);
  const shown = Array.isArray(def) ? `[${def.join(',')}]` : f.type === 'string' ? `'${def}'` : String(def);
  const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
  return `    ${names}=${shown}:\n\t${f.usage ?? ''}\n`;
}

/** `kubectl <cmd> --help`. */
export function renderHelp(cmd: Command): string {
  let out = '';
  if (cmd.long) out += cmd.long + '\n\n';
  else out += cmd.short + '\n\n';
  if (cmd.subcommands?.length) {
    out += 'Available Commands:\n';
    const width = Math.max(...cmd.subcommands.map((s) => s.name.length)) + 2;
    for (const s of cmd.subcommands) out += `  ${s.name.padEnd(width)}${s.short}\n`;
    out += '\n';
  }
  const flags = cmd.flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (flags.length) out += 'Options:\n' + flags.map(flagLine).join('\n') + '\n';
  out += `Usage:\n  ${cmd.usage}\n\n`;
  if (cmd.subcommands?.length) out += `Use "${cmd.usage.split(' [')[0].replace(/ \[.*$/, '')} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}
