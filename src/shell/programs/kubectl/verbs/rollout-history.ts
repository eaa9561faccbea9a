/** kubectl rollout history and rollout undo (pkg/cmd/rollout, polymorphichelpers history/rollback). */
import { deepEqual } from '../../../../cluster/api/object-utils';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { typeOf } from '../resources/mapping';
import type { Json } from '../printers/types';
import { deploymentRevisions, findRevision, printHistory, printTemplate, statefulSetRevisions, type Revision } from '../rollout/history';
import { fetchTargets, requireResources, SELECTOR_FLAG, TARGET_FILENAME_FLAGS, targetName, type Target } from '../rollout/targets';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix } from './write-common';

async function revisionsOf(inv: Invocation, t: Target, what: 'history viewer' | 'rollbacker'): Promise<Revision[]> {
  if (t.info.group === 'apps' && t.info.kind === 'StatefulSet') return statefulSetRevisions(inv.client, t.obj);
  if (t.info.group === 'apps' && t.info.kind === 'Deployment') return deploymentRevisions(inv.client, t.obj);
  throw new KubectlError(`no ${what} has been implemented for ${JSON.stringify(t.info.kind)}`);
}

async function runHistory(inv: Invocation, flags: Flags): Promise<number> {
  requireResources(inv, flags, flags.args);
  const revision = flags.int('revision');
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  const { targets, errors } = await fetchTargets(inv, flags, flags.args, true);
  for (const t of targets) {
    const history = printHistory(await revisionsOf(inv, t, 'history viewer'), revision);
    if (history.error) throw new KubectlError(history.error);
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    inv.out(`${targetName(t)} ${withRevision}\n${history.text}\n`);
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

/** The template a revision holds equals the object's current one (statefulsetMatch / equalIgnoreHash). */
function templateMatches(t: Target, rev: Revision): boolean {
  const current = structuredClone((t.obj as Json).spec?.template ?? {});
  const wanted = structuredClone(rev.template);
  if (t.info.kind === 'Deployment') {
    delete current.metadata?.labels?.['pod-template-hash'];
    delete wanted.metadata?.labels?.['pod-template-hash'];
  }
  return deepEqual(current, wanted);
}

async function rollback(inv: Invocation, flags: Flags, t: Target, toRevision: number): Promise<string> {
  if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  const revisions = await revisionsOf(inv, t, 'rollbacker');
  if (t.info.kind === 'Deployment' && (t.obj as Json).spec?.paused) {
    throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  if (toRevision === 0 && revisions.length <= 1) throw new KubectlError('no last revision to roll back to');
  const target = findRevision(revisions, toRevision);
  if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  const dryRun = dryRunOf(flags);
  if (dryRun === 'client') return `will roll back to ${printTemplate(target.template)}`;
  if (templateMatches(t, target)) return `skipped rollback (current template already matches revision ${toRevision})`;
  // A StatefulSet revision is itself the strategic patch ({"spec":{"template":{"$patch":"replace",…}}}).
  const patch = t.info.kind === 'StatefulSet' ? (target.source as Json).data : { spec: { template: { ...target.template, $patch: 'replace' } } };
  try {
    await inv.client.patch(typeOf(t.info), t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', patch, dryRun === 'server' ? { dryRun: true } : undefined);
  } catch (e) {
    throw new KubectlError(`failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return 'rolled back';
}

async function runUndo(inv: Invocation, flags: Flags): Promise<number> {
  requireResources(inv, flags, flags.args);
  const { targets, errors } = await fetchTargets(inv, flags, flags.args, true);
  const dryRun = dryRunOf(flags);
  for (const t of targets) {
    const result = await rollback(inv, flags, t, flags.int('to-revision'));
    inv.out(`${targetName(t)} ${result}${dryRunSuffix(dryRun)}\n`);
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

export const rolloutHistoryCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  long: `View previous rollout revisions and configurations.

Examples:
  # View the rollout history of a deployment
  kubectl rollout history deployment/abc
  
  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    ...TARGET_FILENAME_FLAGS,
    SELECTOR_FLAG,
    { name: 'revision', type: 'int', default: 0, usage: 'See the details, including podTemplate of the revision specified' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  run: runHistory,
};

export const rolloutUndoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: `Roll back to a previous rollout.

Examples:
  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3
  
  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    ...TARGET_FILENAME_FLAGS,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    { name: 'to-revision', type: 'int', default: 0, usage: 'The revision to rollback to. Default to 0 (last revision).' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  run: runUndo,
};
