/** kubectl taint (pkg/cmd/taint): add, change or remove node taints. */
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { dryRunSuffix, DRY_RUN_FLAG, dryRunOf, OUTPUT_FLAG } from './write-common';
import { resolveTypeArg } from '../resources/mapping';
import { NODES } from '../drain/nodes';
import { parseTaints, reorganizeTaints, type Taint } from './taint-spec';

const USAGE_HINT = "See 'kubectl taint -h' for help and examples";

interface Plan {
  resources: string[];
  add: Taint[];
  remove: Taint[];
}

/** Complete: resources first, then taint changes. */
function plan(flags: Flags): Plan {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of flags.args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length) throw new KubectlError(`all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name>');
  if (specs.length < 1) throw new KubectlError('at least one taint update is required');
  try {
    return { resources, ...parseTaints(specs) };
  } catch (e) {
    throw new KubectlError(`${(e as Error).message}\n${USAGE_HINT}`);
  }
}

function validate(inv: Invocation, flags: Flags, p: Plan): void {
  const type = p.resources[0].toLowerCase();
  if (resolveTypeArg(inv.discovery(), type).kind !== 'Node') throw new KubectlError(`invalid resource type ${type}, only node types are supported`);
  const conflicts = p.add.flatMap((a) => p.remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect ?? ''}`));
  if (conflicts.length) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = flags.bool('all');
  const selector = flags.string('selector');
  if (all && selector) throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && p.resources.length < 2) throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set");
}

async function nodesOf(inv: Invocation, flags: Flags, p: Plan): Promise<{ nodes: KubeObject[]; errors: unknown[] }> {
  if (flags.bool('all') || flags.string('selector')) {
    const list = await inv.client.list(NODES, { labelSelector: flags.string('selector') || undefined });
    return { nodes: list.items, errors: [] };
  }
  const nodes: KubeObject[] = [];
  const errors: unknown[] = [];
  for (const name of p.resources.slice(1)) {
    try {
      nodes.push(await inv.client.get(NODES, undefined, name));
    } catch (e) {
      errors.push(e);
    }
  }
  return { nodes, errors };
}

async function runTaint(inv: Invocation, flags: Flags): Promise<number> {
  const p = plan(flags);
  validate(inv, flags, p);
  const dryRun = dryRunOf(flags);
  const overwrite = flags.bool('overwrite');
  const { nodes, errors } = await nodesOf(inv, flags, p);
  for (const node of nodes) {
    const name = node.metadata.name!;
    try {
      const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
      if (!overwrite) {
        const existing = p.add.filter((a) => old.some((o) => o.key === a.key && o.effect === a.effect)).map((a) => a.key);
        if (existing.length) throw new KubectlError(`node ${name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      const { operation, taints, errors: notFound } = reorganizeTaints(old, overwrite, p.add, p.remove);
      if (notFound.length) throw new KubectlError(notFound.length === 1 ? notFound[0] : `[${notFound.join(', ')}]`);
      if (dryRun !== 'client') await inv.client.patch(NODES, undefined, name, 'merge', { spec: { taints: taints.length ? taints : null } }, { dryRun: dryRun === 'server' });
      inv.out(flags.string('output') === 'name' ? `node/${name}\n` : `node/${name} ${operation}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
  return 0;
}

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.

Examples:
  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kubectl taint nodes foo dedicated=special-user:NoSchedule
  
  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kubectl taint nodes foo dedicated:NoSchedule-
  
  # Remove from node 'foo' all the taints with key 'dedicated'
  kubectl taint nodes foo dedicated-
  
  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule
  
  # Add to node 'foo' a taint with key 'bar' and no value
  kubectl taint nodes foo bar:NoSchedule`,
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'all', type: 'bool', usage: 'Select all nodes in the cluster' },
    { name: 'overwrite', type: 'bool', usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  run: runTaint,
};
