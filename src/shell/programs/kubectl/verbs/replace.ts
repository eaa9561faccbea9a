/**
 * kubectl replace (pkg/cmd/replace): PUT each object of the files as it is
 * written, with the server's resourceVersion when the file has none; with
 * --force, delete the objects, wait until they are gone, and create them again
 * (how a StatefulSet's immutable fields, volumeClaimTemplates say, are changed).
 */
import { isApiError } from '../../../../cluster/api/errors';
import type { Command } from '../cli/command';
import { addSourceToErr, AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { lastAppliedAnnotation } from '../apply/last-applied';
import { durationFlag } from '../rollout/duration';
import { applyNamespace, visitManifests, type ManifestItem } from '../resources/manifests';
import { kindGroup, typeOf } from '../resources/mapping';
import { cascadeOf, waitGone } from './delete';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAGS, OUTPUT_FLAG, ResultPrinter } from './write-common';

/** Validate, after Complete turned --grace-period=0 into 1. */
function validate(flags: Flags, grace: number, timeoutMs: number): void {
  const force = flags.bool('force');
  if (grace >= 0 && !force) throw new KubectlError('--grace-period must have --force specified');
  if (timeoutMs !== 0 && !force) throw new KubectlError('--timeout must have --force specified');
  if (force && flags.changed('dry-run') && dryRunOf(flags) !== 'none') throw new KubectlError('--dry-run can not be used when --force is set');
  if (flags.list('filename').length === 0) throw new KubectlError('must specify --filename to replace');
}

/** Helper.Replace with overwrite: an object without a resourceVersion takes the server's. */
async function put(inv: Invocation, item: ManifestItem, dryRun: boolean) {
  const type = typeOf(item.info);
  const obj = structuredClone(item.object);
  if (!obj.metadata.resourceVersion) {
    const current = await inv.client.get(type, obj.metadata.namespace, obj.metadata.name ?? '').catch(() => undefined);
    if (current) obj.metadata.resourceVersion = current.metadata.resourceVersion;
  }
  return inv.client.update(type, obj, { dryRun, fieldValidation: 'Strict' });
}

async function runReplace(inv: Invocation, flags: Flags): Promise<number> {
  const timeoutMs = durationFlag(flags, 'timeout', inv.commandPath);
  const dryRun = dryRunOf(flags);
  const printer = new ResultPrinter(inv, flags.string('output'), dryRun);
  // Complete: DeleteFlags.ToOptions, and grace 0 becomes 1 with a wait for deletion.
  const propagationPolicy = cascadeOf(inv, flags);
  let grace = flags.int('grace-period');
  let waitForDeletion = flags.bool('wait');
  if (grace === 0) {
    grace = 1;
    waitForDeletion = true;
  }
  validate(flags, grace, timeoutMs);
  const files = flags.list('filename');
  const recursive = flags.bool('recursive');
  const prepare = (item: ManifestItem) => {
    applyNamespace(inv, item);
    if (flags.bool('save-config')) item.object = lastAppliedAnnotation(item.object);
  };

  if (!flags.bool('force')) {
    const errors = await visitManifests(inv, files, recursive, async (item) => {
      prepare(item);
      let obj = item.object;
      if (dryRun !== 'client') {
        try {
          obj = await put(inv, item, dryRun === 'server');
        } catch (e) {
          throw addSourceToErr('replacing', item.source, e);
        }
      }
      printer.print(obj, item.info, 'replaced');
    });
    if (errors.length) throw new AggregateError(errors);
    return 0;
  }

  // --force: the files are read once (stdin too), every object deleted as kubectl delete prints it,
  // each waited for until gone, then all created again.
  const items: ManifestItem[] = [];
  const readErrors = await visitManifests(inv, files, recursive, async (item) => {
    prepare(item);
    items.push(item);
  });
  if (readErrors.length) throw new AggregateError(readErrors);
  // DeleteResult: each deleted as kubectl delete prints it, waited for (watch) with --wait.
  const deleted: Array<{ item: ManifestItem; uid?: string }> = [];
  for (const item of items) {
    const { namespace, name } = item.object.metadata;
    let obj;
    try {
      obj = await inv.client.delete(typeOf(item.info), namespace, name ?? '', { propagationPolicy, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) });
    } catch (e) {
      if (isApiError(e) && e.code === 404) continue;
      throw e;
    }
    inv.out(`${kindGroup(item.info)} "${name}" deleted\n`);
    deleted.push({ item, uid: obj.metadata.uid });
  }
  if (waitForDeletion) {
    for (const { item, uid } of deleted) await waitGone(inv, { info: item.info, namespace: item.object.metadata.namespace, name: item.object.metadata.name ?? '' }, uid);
  }
  // Then forceReplace's own poll: a get every second until NotFound, each object under its own timeout.
  for (const { item } of deleted) {
    const { namespace, name } = item.object.metadata;
    const deadline = inv.now() + (timeoutMs || 5 * 60_000);
    for (;;) {
      const gone = await inv.client.get(typeOf(item.info), namespace, name ?? '').then(
        () => false,
        (e) => (isApiError(e) && e.code === 404 ? true : Promise.reject(e)),
      );
      if (gone) break;
      const left = deadline - inv.now();
      if (left <= 1000) {
        await inv.io.sleep(Math.max(0, left));
        throw new KubectlError('context deadline exceeded');
      }
      await inv.io.sleep(1000);
    }
  }
  for (const item of items) {
    const created = await inv.client.create(typeOf(item.info), item.object, { fieldValidation: 'Strict' });
    printer.print(created, item.info, 'replaced');
  }
  if (items.length === 0) throw new KubectlError('no objects passed to replace');
  return 0;
}

export const replaceCommand: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml

Examples:
  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
  
  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json`,
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run: runReplace,
};
