/**
 * kubectl drain (pkg/cmd/drain/drain.go): cordon, then evict or delete every
 * pod the filters allow, node by node; a node that fails is reported and the
 * others go on.
 */
import { parseLabelSelector } from '../../../../cluster/api/selectors';
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError, SilentExit } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { PodRemover, type EvictOptions } from '../drain/evict';
import { checkNodeArgs, cordonOrUncordon, nodeInfos, SELECTOR_FLAG } from '../drain/nodes';
import { podsForDeletion, type DrainOptions } from '../drain/pods';
import { durationFlag } from '../rollout/duration';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, type DryRun } from './write-common';

const DRAIN_LONG = `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

 https://kubernetes.io/images/docs/kubectl_drain.svg Workflow https://kubernetes.io/images/docs/kubectl_drain.svg

Examples:
  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force
  
  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kubectl drain foo --grace-period=900`;

/** deleteOrEvictPodsSimple: resolves with the node's errors, empty when drained. */
async function drainNode(inv: Invocation, node: KubeObject, o: DrainOptions, e: EvictOptions, dryRun: DryRun): Promise<string[]> {
  const nodeName = node.metadata.name!;
  const list = await podsForDeletion(inv, nodeName, o);
  const errors = list.errors();
  if (errors.length) return errors;
  const warnings = list.warnings();
  if (warnings) inv.err(`Warning: ${warnings}\n`);
  if (dryRun === 'client') {
    for (const pod of list.pods()) inv.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    return [];
  }
  const failed = await new PodRemover(inv, e).run(list.pods());
  if (failed.length === 0) return [];
  const pending = await podsForDeletion(inv, nodeName, o);
  const err = aggregateText(failed);
  if (pending.pods().length) {
    inv.err(`There are pending pods in node ${JSON.stringify(nodeName)} when an error occurred: ${err}\n`);
    for (const pod of pending.pods()) inv.err(`pod/${pod.metadata.name}\n`);
  }
  const newErrs = pending.errors();
  if (newErrs.length) inv.err(`Following errors occurred while getting the list of pods to delete:\n${aggregateText(newErrs)}`);
  return failed;
}

/** utilerrors.Aggregate's Error(): one message alone, several in brackets. */
function aggregateText(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

async function runDrain(inv: Invocation, flags: Flags): Promise<number> {
  const timeoutMs = durationFlag(flags, 'timeout', inv.commandPath);
  checkNodeArgs(flags, 'drain');
  const dryRun = dryRunOf(flags);
  const podSelector = flags.string('pod-selector');
  if (podSelector) {
    try {
      parseLabelSelector(podSelector);
    } catch {
      throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector');
    }
  }
  const nodes = await nodeInfos(inv, flags);
  const o: DrainOptions = {
    force: flags.bool('force'),
    ignoreDaemonSets: flags.bool('ignore-daemonsets'),
    deleteEmptyDirData: flags.bool('delete-emptydir-data'),
    podSelector,
    skipWaitForDeleteTimeoutSeconds: flags.int('skip-wait-for-delete-timeout'),
  };
  const e: EvictOptions = {
    gracePeriodSeconds: flags.int('grace-period'),
    timeoutMs,
    disableEviction: flags.bool('disable-eviction'),
    serverDryRun: dryRun === 'server',
    skipWaitForDeleteTimeoutSeconds: o.skipWaitForDeleteTimeoutSeconds,
  };
  await cordonOrUncordon(inv, nodes, true, dryRun);
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const errs = await drainNode(inv, node, o, e, dryRun);
    if (errs.length === 0) {
      inv.out(`node/${node.metadata.name} drained${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    inv.err(`error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${aggregateText(errs)}, continuing command...\n`);
    fatal.push(errs);
    remaining.push(node.metadata.name!);
  }
  if (remaining.length) inv.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  if (fatal.length === 0) return 0;
  // CheckErr prints an Aggregate as MultipleErrors: one line per node's error, no `error: ` prefix.
  inv.err(fatal.map((errs) => `${aggregateText(errs)}\n`).join(''));
  throw new SilentExit(1);
}

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  long: DRAIN_LONG,
  usage: 'kubectl drain NODE [options]',
  flags: [
    { name: 'force', type: 'bool', usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'pod-selector', type: 'string', usage: 'Label selector to filter pods on the node' },
    { name: 'disable-eviction', type: 'bool', usage: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', usage: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    DRY_RUN_FLAG,
    SELECTOR_FLAG,
  ],
  run: runDrain,
};
