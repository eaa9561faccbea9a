/** kubectl cordon / uncordon (pkg/cmd/drain): mark nodes unschedulable or schedulable again. */
import type { Command } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { checkNodeArgs, cordonOrUncordon, nodeInfos, SELECTOR_FLAG } from '../drain/nodes';
import { DRY_RUN_FLAG, dryRunOf } from './write-common';

function runner(desired: boolean) {
  return async (inv: Invocation, flags: Flags): Promise<number> => {
    checkNodeArgs(flags, desired ? 'cordon' : 'uncordon');
    const dryRun = dryRunOf(flags);
    const nodes = await nodeInfos(inv, flags);
    await cordonOrUncordon(inv, nodes, desired, dryRun);
    return 0;
  };
}

export const cordonCommand: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  long: `Mark node as unschedulable.

Examples:
  # Mark node "foo" as unschedulable
  kubectl cordon foo`,
  usage: 'kubectl cordon NODE [options]',
  flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
  run: runner(true),
};

export const uncordonCommand: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  long: `Mark node as schedulable.

Examples:
  # Mark node "foo" as schedulable
  kubectl uncordon foo`,
  usage: 'kubectl uncordon NODE [options]',
  flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
  run: runner(false),
};
