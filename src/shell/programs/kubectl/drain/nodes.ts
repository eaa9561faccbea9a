/**
 * What cordon, uncordon and drain share (pkg/cmd/drain): the nodes named or
 * selected, and RunCordonOrUncordon with the CordonHelper's patch.
 */
import type { KubeObject } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';
import type { FlagSpec, Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { dryRunSuffix, type DryRun } from '../verbs/write-common';

export const NODES = { group: '', version: 'v1', resource: 'nodes' };

export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

/** The start of DrainCmdOptions.Complete: its usage errors. */
export function checkNodeArgs(flags: Flags, verb: string): void {
  if (flags.args.length === 0 && !flags.changed('selector')) throw new KubectlError(`USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  if (flags.args.length > 0 && flags.string('selector')) throw new KubectlError(`error: cannot specify both a node name and a --selector option\nSee 'kubectl ${verb} -h' for help and examples`);
}

/** The end of DrainCmdOptions.Complete: the node infos, or the builder's first error. */
export async function nodeInfos(inv: Invocation, flags: Flags): Promise<KubeObject[]> {
  const args = flags.args;
  const selector = flags.string('selector');
  if (args.length === 0) return (await inv.client.list(NODES, { labelSelector: selector || undefined })).items;
  const nodes: KubeObject[] = [];
  for (const arg of args) {
    const slash = arg.indexOf('/');
    if (slash >= 0) {
      const type = arg.slice(0, slash).toLowerCase();
      if (!['node', 'nodes', 'no'].includes(type)) throw new KubectlError(`error: expected resource of type node, got "${type}"`);
    }
    nodes.push(await inv.client.get(NODES, undefined, slash >= 0 ? arg.slice(slash + 1) : arg));
  }
  return nodes;
}

/** RunCordonOrUncordon: `node/X cordoned`, `already cordoned`, or the patch's error (the others go on). */
export async function cordonOrUncordon(inv: Invocation, nodes: KubeObject[], desired: boolean, dryRun: DryRun): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const current = Boolean((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable);
    if (current === desired) {
      inv.out(`node/${node.metadata.name} already ${verb}ed${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        // CreateTwoWayMergePatch of the node before and after: false is omitted, so uncordon removes the field.
        await inv.client.patch(NODES, undefined, node.metadata.name!, 'strategic', { spec: { unschedulable: desired ? true : null } }, { dryRun: dryRun === 'server' });
      } catch (e) {
        inv.err(`error: unable to ${verb} node ${JSON.stringify(node.metadata.name)}: ${e instanceof Error ? e.message : String(e)}\n`);
        continue;
      }
    }
    inv.out(`node/${node.metadata.name} ${verb}ed${dryRunSuffix(dryRun)}\n`);
  }
}
