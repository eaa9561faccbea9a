/** kubectl apply -f: client-side apply with the last-applied annotation and a three-way patch. */
import type { KubeObject } from '../../../../cluster/api/types';
import { isApiError } from '../../../../cluster/api/errors';
import type { Command } from '../cli/command';
import { addSourceToErr, AggregateError, KubectlError } from '../cli/errors';
import { LAST_APPLIED, lastAppliedAnnotation } from '../apply/last-applied';
import { strategicMerge } from '../../../../cluster/api/strategic-merge';
import { threeWayPatch } from '../apply/strategic';
import { APPLY_LONG } from '../help/apply';
import { applyNamespace, visitManifests, type ManifestItem } from '../resources/manifests';
import { typeOf } from '../resources/mapping';
import type { Invocation } from '../context';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAGS, OUTPUT_FLAG, requireFilenames, ResultPrinter, type DryRun } from './write-common';

type J = Record<string, unknown>;

async function applyOne(inv: Invocation, item: ManifestItem, dryRun: DryRun, printer: ResultPrinter): Promise<void> {
  applyNamespace(inv, item);
  const type = typeOf(item.info);
  const modified = lastAppliedAnnotation(item.object);
  const name = item.object.metadata.name ?? '';
  const ns = item.object.metadata.namespace;
  let current: KubeObject;
  try {
    current = await inv.client.get(type, ns, name);
  } catch (e) {
    if (!isApiError(e) || e.reason !== 'NotFound') throw addSourceToErr('retrieving current configuration of', item.source, e);
    let created = modified;
    if (dryRun !== 'client') {
      try {
        created = await inv.client.create(type, modified, { dryRun: dryRun === 'server', fieldValidation: 'Strict' });
      } catch (err) {
        throw addSourceToErr('creating', item.source, err);
      }
    }
    printer.print(created, item.info, 'created');
    return;
  }
  const annotation = current.metadata.annotations?.[LAST_APPLIED];
  if (annotation === undefined) {
    inv.err(
      `Warning: resource ${item.info.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
        'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
        'The missing annotation will be patched automatically.\n',
    );
  }
  let original: J | null = null;
  if (annotation) {
    try {
      original = JSON.parse(annotation) as J;
    } catch {
      original = null;
    }
  }
  const patch = threeWayPatch(original, modified as unknown as J, current as unknown as J);
  if (Object.keys(patch).length === 0) {
    printer.print(current, item.info, 'unchanged');
    return;
  }
  // Sent as a strategic merge patch, as kubectl does; --dry-run=client shows the same merge done locally.
  let result = strategicMerge(current, patch) as KubeObject;
  if (dryRun !== 'client') {
    try {
      result = await inv.client.patch(type, ns, name, 'strategic', patch, {
        dryRun: dryRun === 'server',
        fieldValidation: 'Strict',
      });
    } catch (e) {
      throw addSourceToErr('patching', item.source, e);
    }
  }
  printer.print(result, item.info, 'configured');
}

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: APPLY_LONG,
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [flags] [options]',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'prune', type: 'bool', usage: 'Automatically delete resource objects that do not appear in the configs.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  async run(inv, flags) {
    const files = requireFilenames(inv, flags);
    if (flags.args.length > 0) throw new KubectlError(`Unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    const dryRun = dryRunOf(flags);
    const printer = new ResultPrinter(inv, flags.string('output'), dryRun);
    let count = 0;
    const errors = await visitManifests(inv, files, flags.bool('recursive'), async (item) => {
      count++;
      await applyOne(inv, item, dryRun, printer);
    });
    if (errors.length) throw new AggregateError(errors);
    if (count === 0) throw new KubectlError('no objects passed to apply');
    return 0;
  },
};
