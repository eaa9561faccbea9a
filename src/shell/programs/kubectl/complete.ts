/** Tab completion for kubectl: verbs, flags, resource types, live names, config sub-verbs and contexts. */
import type { FileSystem } from '../../fs-types';
import { contextNamespace, readKubeconfig, type Kubeconfig } from './kubeconfig';
import type { ClusterClient } from '../../../cluster/client/types';
import type { ResourceInfo } from '../../../cluster/api/types';
import { resolveResource } from '../../../cluster/api/discovery';
import { findCommand, GLOBAL_FLAGS, type Command } from './cli/command';
import { FlagSet } from './cli/flags';
import { KUBECTL_COMMANDS } from './cli/suggest';
import { COMMANDS } from './verbs';

/** Verbs that take `TYPE [NAME]` arguments. */
const RESOURCE_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'explain', 'expose', 'rollout', 'set', 'wait']);
const ROLLOUT_VERBS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

function typeNames(discovery: ResourceInfo[]): string[] {
  const names = new Set<string>();
  for (const r of discovery) {
    names.add(r.resource);
    names.add(r.singular);
    for (const s of r.shortNames) names.add(s);
  }
  return [...names].sort();
}

function positionals(words: string[], flagSet: FlagSet): { args: string[]; namespace?: string } {
  const args: string[] = [];
  let namespace: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '-n' || w === '--namespace') {
      namespace = words[++i];
      continue;
    }
    if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    else if (/^-n.+/.test(w)) namespace = w.slice(2);
    if (w.startsWith('-')) {
      if (flagSet.takesValue(w)) i++;
      continue;
    }
    args.push(w);
  }
  return { args, namespace };
}

async function liveNames(client: ClusterClient, info: ResourceInfo, namespace: string): Promise<string[]> {
  try {
    const list = await client.list(
      { group: info.group, version: info.version, resource: info.resource },
      { namespace: info.namespaced ? namespace : undefined },
    );
    return list.items.map((o) => o.metadata.name ?? '').filter(Boolean).sort();
  } catch {
    return [];
  }
}

function flagsOf(cmd: Command | undefined): string[] {
  const specs = [...GLOBAL_FLAGS, ...(cmd?.flags ?? [])];
  return [...new Set(specs.filter((f) => !f.hidden).map((f) => `--${f.name}`))].sort();
}

export async function completeKubectl(
  words: string[],
  current: string,
  ctx: { client: ClusterClient; namespace: string; contexts?: string[] },
): Promise<string[]> {
  const filter = (list: string[]) => list.filter((c) => c.startsWith(current));
  const verbNames = [...new Set([...KUBECTL_COMMANDS, ...COMMANDS.map((c) => c.name)])].sort();
  const firstPass = positionals(words, new FlagSet(GLOBAL_FLAGS));
  const verb = firstPass.args[0];
  const cmd = verb ? findCommand(COMMANDS, verb) : undefined;
  if (current.startsWith('-')) return filter(flagsOf(cmd));
  if (!verb) return filter(verbNames);

  const { args, namespace } = positionals(words, new FlagSet([...GLOBAL_FLAGS, ...(cmd?.flags ?? [])]));
  const ns = namespace ?? ctx.namespace;
  const rest = args.slice(1);
  const previous = words[words.length - 1];
  if (previous === '-n' || previous === '--namespace') {
    return filter(await liveNames(ctx.client, resolveResource(ctx.client.discovery(), 'namespaces')!, ns));
  }

  if (verb === 'config') {
    const sub = (cmd?.subcommands ?? []).map((s) => s.name);
    if (rest.length === 0) return filter(sub);
    if (rest[0] === 'use-context' || rest[0] === 'use' || rest[0] === 'get-contexts' || rest[0] === 'set-context') {
      return filter(ctx.contexts ?? []);
    }
    return [];
  }
  if (verb === 'create' && rest.length === 0) return filter((cmd?.subcommands ?? []).map((s) => s.name));

  let typeArgs = rest;
  if (verb === 'rollout') {
    if (rest.length === 0) return filter(ROLLOUT_VERBS);
    typeArgs = rest.slice(1);
  }
  if (!RESOURCE_VERBS.has(verb)) return [];

  const discovery = ctx.client.discovery();
  if (typeArgs.length === 0) {
    const slash = current.indexOf('/');
    if (slash > 0) {
      const info = resolveResource(discovery, current.slice(0, slash));
      if (!info) return [];
      const prefix = current.slice(0, slash + 1);
      return filter((await liveNames(ctx.client, info, ns)).map((n) => prefix + n));
    }
    const comma = current.lastIndexOf(',');
    if (comma >= 0) return filter(typeNames(discovery).map((t) => current.slice(0, comma + 1) + t));
    return filter(typeNames(discovery));
  }
  const typeArg = typeArgs[0];
  if (typeArg.includes('/') || typeArg.includes(',')) return [];
  const info = resolveResource(discovery, typeArg);
  if (!info) return [];
  const already = new Set(typeArgs.slice(1));
  return filter((await liveNames(ctx.client, info, ns)).filter((n) => !already.has(n)));
}

/** As completeKubectl, in the namespace and with the contexts of the workstation's kubeconfig (unless the line says -n). */
export async function completeKubectlWithKubeconfig(
  words: string[],
  current: string,
  ctx: { client: ClusterClient; namespace: string; fs: FileSystem; home: string },
): Promise<string[]> {
  let config: Kubeconfig;
  try {
    config = readKubeconfig(ctx.fs, `${ctx.home}/.kube/config`);
  } catch {
    return completeKubectl(words, current, ctx);
  }
  const contexts = config.contexts.map((c) => c.name);
  return completeKubectl(words, current, { client: ctx.client, namespace: contextNamespace(config), contexts });
}
