/** kubectl delete (pkg/cmd/delete): by name, TYPE/NAME, -f, -l or --all; then wait until gone. */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { isApiError } from '../../../../cluster/api/errors';
import type { DeleteOptions } from '../../../../cluster/client/types';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { visitManifests } from '../resources/manifests';
import { listResources } from '../resources/list';
import { kindGroup, parseResourceArgs, typeOf } from '../resources/mapping';
import { DELETE_LONG } from '../help/delete';
import { watchObjectUntil } from './watch-object';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, FILENAME_FLAGS } from './write-common';

export interface Target {
  info: ResourceInfo;
  namespace?: string;
  name: string;
}

const GO_TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const GO_FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** parseCascadingFlag: a strconv.ParseBool value is still taken, with a deprecation warning. */
export function cascadeOf(inv: Invocation, flags: Flags): DeleteOptions['propagationPolicy'] {
  const v = flags.string('cascade');
  const asBool = GO_TRUE.includes(v) ? true : GO_FALSE.includes(v) ? false : undefined;
  if (asBool !== undefined) {
    inv.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${asBool ? 'background' : 'orphan'}.\n`);
    return asBool ? 'Background' : 'Orphan';
  }
  switch (v) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  }
}

async function targetsFor(inv: Invocation, flags: Flags): Promise<{ targets: Target[]; errors: unknown[]; listed: boolean }> {
  const files = flags.list('filename');
  const selector = flags.string('selector');
  const all = flags.bool('all');
  const allNamespaces = flags.bool('all-namespaces');
  if (files.length) {
    const targets: Target[] = [];
    const errors = await visitManifests(inv, files, flags.bool('recursive'), async (item) => {
      const ns = item.info.namespaced ? (item.object.metadata.namespace ?? inv.namespace) : undefined;
      targets.push({ info: item.info, namespace: ns, name: item.object.metadata.name ?? '' });
    });
    return { targets, errors, listed: false };
  }
  if (flags.args.length === 0) {
    throw new KubectlError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const requests = parseResourceArgs(inv.discovery(), flags.args);
  const named = requests.filter((r) => r.name !== undefined);
  if (named.length === 0 && !selector && !all && !flags.string('field-selector')) {
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  if (named.length > 0 && (selector || all)) throw new KubectlError('name cannot be provided when a selector is specified');
  const targets: Target[] = [];
  for (const r of requests) {
    const ns = r.info.namespaced ? inv.namespace : undefined;
    if (r.name !== undefined) {
      targets.push({ info: r.info, namespace: ns, name: r.name });
      continue;
    }
    const list = await listResources(inv, r.info, {
      namespace: allNamespaces ? undefined : ns,
      labelSelector: selector || undefined,
      fieldSelector: flags.string('field-selector') || undefined,
    });
    for (const item of list.items) targets.push({ info: r.info, namespace: item.metadata.namespace, name: item.metadata.name ?? '' });
  }
  return { targets, errors: [], listed: named.length === 0 };
}

/** Resolves once the object with this uid is gone (a DELETED event, or a get that finds another/none). */
export async function waitGone(inv: Invocation, t: Target, uid: string | undefined): Promise<void> {
  const current = await inv.client.get(typeOf(t.info), t.namespace, t.name).catch(() => undefined);
  if (!current || (uid && current.metadata.uid !== uid)) return;
  await watchObjectUntil(inv, t, current, 0, (ev) => ev.type === 'DELETED' && (!uid || ev.object.metadata.uid === uid));
}

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: DELETE_LONG,
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [flags] [options]',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='." },
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Defaults to background.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up on a delete.' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'If true, delete resource only when user confirms.' },
  ],
  async run(inv, flags) {
    const output = flags.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json|name`);
    const propagationPolicy = cascadeOf(inv, flags);
    let grace = flags.int('grace-period');
    if (flags.bool('now')) {
      if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    const force = flags.bool('force');
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    if (force && grace === 0) {
      inv.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    }
    const dryRun = dryRunOf(flags);
    const ignoreNotFound = flags.bool('ignore-not-found') || flags.bool('all');
    const { targets, errors, listed } = await targetsFor(inv, flags);
    const deleted: Array<{ t: Target; obj: KubeObject }> = [];
    for (const t of targets) {
      const options: DeleteOptions = { propagationPolicy };
      if (grace >= 0) options.gracePeriodSeconds = grace;
      if (dryRun !== 'none') options.dryRun = true;
      try {
        const obj = dryRun === 'client' ? await inv.client.get(typeOf(t.info), t.namespace, t.name) : await inv.client.delete(typeOf(t.info), t.namespace, t.name, options);
        deleted.push({ t, obj });
        if (output === 'name') inv.out(`${kindGroup(t.info)}/${t.name}\n`);
        else inv.out(`${kindGroup(t.info)} "${t.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}\n`);
      } catch (e) {
        if (ignoreNotFound && isApiError(e) && e.reason === 'NotFound') continue;
        errors.push(e);
      }
    }
    if (targets.length === 0 && listed && errors.length === 0) inv.out('No resources found\n');
    if (flags.bool('wait') && dryRun === 'none') {
      for (const { t, obj } of deleted) await waitGone(inv, t, obj.metadata.uid);
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
