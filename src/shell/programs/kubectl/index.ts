/**
 * kubectl: finds the command (cobra-style, global flags allowed anywhere),
 * parses its flags, builds the invocation and renders any failure the way
 * cmdutil.CheckErr does.
 */
import { isAbort } from '../../shell';
import type { Program, ProgramIO } from '../../program';
import { findCommand, GLOBAL_FLAGS, renderHelp, type Command } from './cli/command';
import { KubectlError, renderError } from './cli/errors';
import { FlagError, FlagSet, Flags } from './cli/flags';
import { ROOT_HELP } from './cli/root-help';
import { KUBECTL_COMMANDS, unknownCommandMessage } from './cli/suggest';
import type { Invocation } from './context';
import { contextNamespace, kubeconfigPath, readKubeconfig } from './kubeconfig';
import { COMMANDS } from './verbs';

interface Resolved {
  path: Command[];
  rest: string[];
}

/** Walks argv like cobra's Find: skips flags (and values of known value flags), descends into subcommands. */
function resolve(argv: string[]): Resolved | { unknown: string; parent: string; names: string[] } | null {
  const globals = new FlagSet(GLOBAL_FLAGS);
  const path: Command[] = [];
  const rest: string[] = [];
  let list = COMMANDS;
  let flagSet = globals;
  let done = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      rest.push(a);
      if (flagSet.takesValue(a) && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    if (done) {
      rest.push(a);
      continue;
    }
    const cmd = findCommand(list, a);
    if (!cmd) {
      if (path.length === 0) {
        const names = [...new Set([...KUBECTL_COMMANDS, ...COMMANDS.map((c) => c.name)])];
        return { unknown: a, parent: 'kubectl', names };
      }
      const parent = path[path.length - 1];
      if (!parent.run) {
        return { unknown: a, parent: `kubectl ${path.map((p) => p.name).join(' ')}`, names: (parent.subcommands ?? []).map((s) => s.name) };
      }
      done = true;
      rest.push(a);
      continue;
    }
    path.push(cmd);
    flagSet = new FlagSet([...GLOBAL_FLAGS, ...cmd.flags]);
    list = cmd.subcommands ?? [];
    if (list.length === 0) done = true;
  }
  return path.length ? { path, rest } : null;
}

function buildInvocation(io: ProgramIO, flags: Flags, commandPath: string): Invocation {
  const path = kubeconfigPath(io.env, io.cwd, flags.string('kubeconfig') || undefined);
  const kubeconfig = readKubeconfig(io.fs, path);
  const contextName = flags.string('context') || kubeconfig['current-context'] || '';
  if (flags.changed('context') && !kubeconfig.contexts.some((c) => c.name === contextName)) {
    throw new KubectlError(`context was not found for specified context: ${contextName}`);
  }
  const explicit = flags.changed('namespace') && flags.string('namespace') !== '';
  const client = io.ctx.client;
  return {
    io,
    client,
    commandPath,
    kubeconfig,
    kubeconfigPath: path,
    contextName,
    namespace: explicit ? flags.string('namespace') : contextNamespace(kubeconfig, contextName),
    namespaceExplicit: explicit,
    out: (t) => io.stdout.write(t),
    err: (t) => io.stderr.write(t),
    now: () => io.ctx.clock.now(),
    discovery: () => client.discovery(),
  };
}

export const kubectl: Program = async (io) => {
  const argv = io.argv.slice(1);
  try {
    const found = resolve(argv);
    if (found === null) {
      // Bare kubectl (or only global flags): cobra validates flags, then prints help.
      new FlagSet(GLOBAL_FLAGS).parse(argv);
      io.stdout.write(ROOT_HELP);
      return 0;
    }
    if ('unknown' in found) throw new KubectlError(unknownCommandMessage(found.unknown, found.parent, found.names));
    const cmd = found.path[found.path.length - 1];
    const commandPath = `kubectl ${found.path.map((c) => c.name).join(' ')}`;
    let flags: Flags;
    try {
      flags = new Flags(new FlagSet([...GLOBAL_FLAGS, ...cmd.flags]).parse(found.rest));
    } catch (e) {
      if (e instanceof FlagError) throw new KubectlError(`${e.message}\nSee '${commandPath} --help' for usage.`);
      throw e;
    }
    if (flags.bool('help') || !cmd.run) {
      io.stdout.write(renderHelp(cmd));
      return 0;
    }
    const inv = buildInvocation(io, flags, commandPath);
    return await cmd.run(inv, flags);
  } catch (e) {
    if (isAbort(e)) return 130;
    const { text, code } = renderError(e);
    io.stderr.write(text);
    return code;
  }
};
