/**
 * Tab completion as kubectl v1.32's cobra completion gives it
 * (pkg/util/completion): verbs, subcommands, flags, resource types as
 * `kubectl api-resources -o name` lists them, live names in the effective
 * namespace, `TYPE/NAME` forms, pods for exec/logs, contexts.
 */
import type { FileSystem } from '../../fs-types';
import { contextNamespace, readKubeconfig, type Kubeconfig } from './kubeconfig';
import type { ClusterClient } from '../../../cluster/client/types';
import { resolveResource } from '../../../cluster/api/discovery';
import { findCommand, GLOBAL_FLAGS, type Command } from './cli/command';
import { FlagSet } from './cli/flags';
import { KUBECTL_COMMANDS } from './cli/suggest';
import { COMMANDS } from './verbs';

interface Env {
  client: ClusterClient;
  namespace: string;
  contexts: string[];
}

/** A command's ValidArgsFunction: positional args so far and the word being completed. */
type ArgsCompleter = (args: string[], toComplete: string, env: Env) => Promise<string[]>;

const WORKLOADS = ['deployment', 'daemonset', 'statefulset'];
const SCALABLE = ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'];
const RESOURCES_WITH_PODS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'];

/** compGetResourceList: `api-resources -o name --verbs=get`, sorted by group then name; after a comma, the next type. */
function resourceList(env: Env, toComplete: string): string[] {
  const comma = toComplete.lastIndexOf(',');
  const prefix = comma >= 0 ? toComplete.slice(0, comma + 1) : '';
  const suffix = toComplete.slice(comma + 1);
  return env.client
    .discovery()
    .filter((r) => r.verbs.includes('get'))
    .sort((a, b) => (a.group !== b.group ? (a.group < b.group ? -1 : 1) : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0))
    .map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource))
    .filter((n) => n.startsWith(suffix))
    .map((n) => prefix + n);
}

/** CompGetResource: `kubectl get TYPE[,TYPE…]` names in the effective namespace, in list order. */
async function resourceNames(env: Env, typeArg: string, toComplete: string): Promise<string[]> {
  const names: string[] = [];
  for (const t of typeArg.split(',')) {
    const info = resolveResource(env.client.discovery(), t);
    if (!info) return [];
    try {
      const list = await env.client.list(
        { group: info.group, version: info.version, resource: info.resource },
        { namespace: info.namespaced ? env.namespace : undefined },
      );
      const sorted = list.items.map((o) => o.metadata.name ?? '').sort();
      names.push(...sorted.filter((n) => n !== '' && n.startsWith(toComplete)));
    } catch {
      return [];
    }
  }
  return names;
}

const without = (list: string[], remove: string[]) => list.filter((x) => !remove.includes(x));

/** resourceTypeAndNameCompletionFunc(allowedTypes, allowRepeat). */
function typeAndName(allowedTypes: string[] | undefined, allowRepeat: boolean): ArgsCompleter {
  return async (args, toComplete, env) => {
    if (args.length > 0 && !args[0].includes('/')) {
      if (!allowRepeat && args.length > 1) return [];
      return without(await resourceNames(env, args[0], toComplete), args.slice(1));
    }
    const slash = toComplete.indexOf('/');
    if (slash < 0) {
      if (args.length > 0 && !allowRepeat) return [];
      const types = allowedTypes ? allowedTypes.filter((t) => t.startsWith(toComplete)) : resourceList(env, toComplete);
      return args.length === 0 ? types : types.map((t) => `${t}/`);
    }
    if (!allowRepeat && args.length > 0) return [];
    const type = toComplete.slice(0, slash);
    const names = (await resourceNames(env, type, toComplete.slice(slash + 1))).map((n) => `${type}/${n}`);
    return without(names, args);
  };
}

/** doPodResourceCompletion: pod names, plus `TYPE/` for the kinds that own pods. */
async function podResource(toComplete: string, env: Env): Promise<string[]> {
  const slash = toComplete.indexOf('/');
  if (slash >= 0) {
    const type = toComplete.slice(0, slash);
    return (await resourceNames(env, type, toComplete.slice(slash + 1))).map((n) => `${type}/${n}`);
  }
  const pods = await resourceNames(env, 'pod', toComplete);
  return [...pods, ...RESOURCES_WITH_PODS.filter((r) => r.startsWith(toComplete)).map((r) => `${r}/`)];
}

/** CompGetContainers: init containers, then containers, of the pod named by the first argument. */
async function containers(env: Env, podArg: string, toComplete: string): Promise<string[]> {
  if (podArg.includes('/') && !/^(pods?|po)\//.test(podArg)) return [];
  const name = podArg.slice(podArg.indexOf('/') + 1);
  try {
    const pod = (await env.client.get({ group: '', version: 'v1', resource: 'pods' }, env.namespace, name)) as {
      spec?: { initContainers?: Array<{ name: string }>; containers?: Array<{ name: string }> };
    };
    return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name).filter((n) => n.startsWith(toComplete));
  } catch {
    return [];
  }
}

const podOnly: ArgsCompleter = async (args, toComplete, env) => (args.length === 0 ? podResource(toComplete, env) : []);
const contextsOnly: ArgsCompleter = async (args, toComplete, env) => (args.length === 0 ? env.contexts.filter((c) => c.startsWith(toComplete)) : []);

/** Command path (`rollout status`) → its ValidArgsFunction, as kubectl registers them. */
const COMPLETERS: Record<string, ArgsCompleter> = {
  get: typeAndName(undefined, true),
  describe: typeAndName(undefined, true),
  delete: typeAndName(undefined, true),
  edit: typeAndName(undefined, true),
  label: typeAndName(undefined, true),
  annotate: typeAndName(undefined, true),
  patch: typeAndName(undefined, true),
  'apply edit-last-applied': typeAndName(undefined, true),
  'apply view-last-applied': typeAndName(undefined, true),
  scale: typeAndName(SCALABLE, true),
  autoscale: typeAndName(SCALABLE, true),
  expose: typeAndName(['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'], true),
  taint: typeAndName(['node'], true),
  'rollout history': typeAndName(WORKLOADS, true),
  'rollout restart': typeAndName(WORKLOADS, true),
  'rollout undo': typeAndName(WORKLOADS, true),
  'rollout pause': typeAndName(['deployment'], true),
  'rollout resume': typeAndName(['deployment'], true),
  'rollout status': typeAndName(WORKLOADS, false),
  'set image': typeAndName(['daemonsets', 'deployments', 'pods', 'cronjobs', 'replicasets', 'replicationcontrollers', 'statefulsets'], false),
  exec: podOnly,
  attach: podOnly,
  'port-forward': podOnly,
  logs: async (args, toComplete, env) =>
    args.length === 0 ? podResource(toComplete, env) : args.length === 1 ? containers(env, args[0], toComplete) : [],
  'config use-context': contextsOnly,
  'config use': contextsOnly,
  'config set-context': contextsOnly,
  'config delete-context': contextsOnly,
  'config rename-context': contextsOnly,
};

/** Walks the words like cobra's Find: global flags skipped, subcommands entered; returns the positional args. */
function parseLine(words: string[]): { path: Command[]; args: string[]; namespace?: string; previous?: string } {
  const path: Command[] = [];
  const args: string[] = [];
  let namespace: string | undefined;
  let list = COMMANDS;
  let flagSet = new FlagSet(GLOBAL_FLAGS);
  let previous: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '-n' || w === '--namespace') {
      if (i + 1 < words.length) namespace = words[++i];
      else previous = w;
      continue;
    }
    if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    else if (/^-n.+/.test(w)) namespace = w.slice(2);
    if (w.startsWith('-')) {
      if (flagSet.takesValue(w)) {
        if (i + 1 < words.length) i++;
        else previous = w;
      }
      continue;
    }
    // Commands this lab does not implement yet still get their argument completion.
    const known: Command | undefined = path.length === 0 && KUBECTL_COMMANDS.includes(w) ? { name: w, short: '', usage: '', flags: [] } : undefined;
    const cmd = args.length === 0 ? (findCommand(list, w) ?? known) : undefined;
    if (cmd) {
      path.push(cmd);
      list = cmd.subcommands ?? [];
      flagSet = new FlagSet([...GLOBAL_FLAGS, ...path.flatMap((c) => c.flags)]);
      continue;
    }
    args.push(w);
  }
  return { path, args, namespace, previous };
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
  const { path, args, namespace, previous } = parseLine(words);
  const cmd = path[path.length - 1];
  const env: Env = { client: ctx.client, namespace: namespace ?? ctx.namespace, contexts: ctx.contexts ?? [] };
  if (previous === '-n' || previous === '--namespace') return resourceNames(env, 'namespaces', current);
  if (previous === '--context') return env.contexts.filter((c) => c.startsWith(current));
  if (previous) return [];
  if (current.startsWith('-')) return flagsOf(cmd).filter((f) => f.startsWith(current));
  if (!cmd) {
    if (args.length > 0) return [];
    const verbs = [...new Set([...KUBECTL_COMMANDS, ...COMMANDS.map((c) => c.name)])].sort();
    return verbs.filter((v) => v.startsWith(current));
  }
  // A command with subcommands and no positional yet completes its subcommand names.
  if (cmd.subcommands?.length && args.length === 0) {
    return cmd.subcommands.map((s) => s.name).filter((n) => n.startsWith(current));
  }
  const completer = COMPLETERS[path.map((c) => c.name).join(' ')];
  return completer ? completer(args, current, env) : [];
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
