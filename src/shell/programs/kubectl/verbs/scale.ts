/**
 * kubectl scale (pkg/cmd/scale, pkg/scale): a merge patch of spec.replicas on
 * the scale subresource, or, with --current-replicas / --resource-version, a
 * checked read-then-write retried on conflicts.
 */
import { ApiError, isApiError } from '../../../../cluster/api/errors';
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { typeOf } from '../resources/mapping';
import { durationFlag } from '../rollout/duration';
import { visitResources, type VisitedObject } from './resource-visit';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAGS, OUTPUT_FLAG, ResultPrinter, type DryRun } from './write-common';

/** Resources whose discovery lists a `/scale` subresource. */
const SCALABLE = new Set(['apps/deployments', 'apps/replicasets', 'apps/statefulsets', '/replicationcontrollers']);

const SCALE_LONG = `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.

Examples:
  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3
  
  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web`;

interface Precondition {
  size: number;
  resourceVersion: string;
}

function noScaleSubresource(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource');
}

/** The error Go's `fmt.Errorf("... %w", err)` gives: the text of the wrapped error, Go-style for aggregates. */
function goErrorText(err: unknown): string {
  if (err instanceof AggregateError) return err.errors.length === 1 ? goErrorText(err.errors[0]) : `[${err.errors.map(goErrorText).join(', ')}]`;
  return err instanceof Error ? err.message : String(err);
}

/** genericScaler.ScaleSimple; returns nothing, throws the API's or the precondition's error. */
async function scaleOnce(inv: Invocation, t: VisitedObject, replicas: number, pre: Precondition | undefined, dryRun: boolean): Promise<void> {
  if (!SCALABLE.has(`${t.info.group}/${t.info.resource}`)) throw noScaleSubresource();
  const type = typeOf(t.info);
  if (!pre) {
    await inv.client.patch(type, t.namespace, t.name, 'merge', { spec: { replicas } }, { dryRun });
    return;
  }
  const current = await inv.client.get(type, t.namespace, t.name);
  const size = Number((current as { spec?: { replicas?: number } }).spec?.replicas ?? 0);
  const rv = current.metadata.resourceVersion ?? '';
  if (pre.size !== -1 && size !== pre.size) throw new KubectlError(`Expected replicas to be ${pre.size}, was ${size}`);
  if (pre.resourceVersion && rv !== pre.resourceVersion) throw new KubectlError(`Expected resource version to be ${pre.resourceVersion}, was ${rv}`);
  await inv.client.patch(type, t.namespace, t.name, 'merge', { metadata: { resourceVersion: rv }, spec: { replicas } }, { dryRun });
}

/** Scaler.Scale: retries only on conflicts, once a second. */
async function scaleWithRetry(inv: Invocation, t: VisitedObject, replicas: number, pre: Precondition | undefined, dryRun: boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await scaleOnce(inv, t, replicas, pre, dryRun);
    } catch (e) {
      if (!(isApiError(e) && e.reason === 'Conflict') || attempt >= 300) throw e;
      await inv.io.sleep(1000);
    }
  }
}

/** WaitForScaleHasDesiredReplicas: spec and status agree, polled once a second. */
async function waitForReplicas(inv: Invocation, t: VisitedObject, replicas: number, timeoutMs: number): Promise<void> {
  const deadline = inv.now() + timeoutMs;
  for (;;) {
    const obj = (await inv.client.get(typeOf(t.info), t.namespace, t.name)) as KubeObject & { spec?: { replicas?: number }; status?: { replicas?: number } };
    const spec = obj.spec?.replicas ?? 0;
    if (spec !== replicas || (spec === (obj.status?.replicas ?? 0) && replicas === obj.status?.replicas)) return;
    if (inv.now() + 1000 > deadline) throw new KubectlError(`timed out waiting for ${JSON.stringify(t.name)} to be synced`);
    await inv.io.sleep(1000);
  }
}

async function runScale(inv: Invocation, flags: Flags): Promise<number> {
  const timeout = durationFlag(flags, 'timeout', inv.commandPath);
  if (!flags.changed('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
  const dryRun: DryRun = dryRunOf(flags);
  const printer = new ResultPrinter(inv, flags.string('output'), dryRun);
  const replicas = flags.int('replicas');
  const currentReplicas = flags.int('current-replicas');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (currentReplicas < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');

  // r.Infos(): every object first, errors kept for the end.
  const infos: VisitedObject[] = [];
  const { errors } = await visitResources(
    inv,
    {
      args: flags.args,
      filenames: flags.list('filename'),
      recursive: flags.bool('recursive'),
      selector: flags.changed('selector') ? flags.string('selector') : undefined,
      all: flags.bool('all'),
    },
    async (t) => {
      infos.push(t);
    },
  );
  const infoErr = errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : new AggregateError(errors);
  const resourceVersion = flags.string('resource-version');
  if (resourceVersion && infos.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources');
  const pre = currentReplicas !== -1 || resourceVersion ? { size: currentReplicas, resourceVersion } : undefined;
  if (infos.length === 0) {
    throw new KubectlError(infoErr ? `no objects passed to scale ${goErrorText(infoErr)}` : 'no objects passed to scale');
  }
  for (const t of infos) {
    if (dryRun !== 'client') {
      await scaleWithRetry(inv, t, replicas, pre, dryRun === 'server');
      if (timeout !== 0 && dryRun === 'none') await waitForReplicas(inv, t, replicas, timeout);
    }
    printer.print(t.object, t.info as ResourceInfo, 'scaled');
  }
  if (infoErr) throw infoErr;
  return 0;
}

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: SCALE_LONG,
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'resource-version', type: 'string', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'replicas', type: 'int', usage: 'The new desired number of replicas. Required.' },
    { name: 'timeout', type: 'string', default: '0s', usage: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)." },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command.', hidden: true },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  ],
  run: runScale,
};
