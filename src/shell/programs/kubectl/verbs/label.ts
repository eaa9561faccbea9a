/** kubectl label (pkg/cmd/label): add, overwrite or remove labels with a merge patch; --list shows them. */
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { typeOf } from '../resources/mapping';
import { createMergePatch, metadataOf, pairCommandFlags, pairTargets, printPairs, resourcesAndPairs } from './metadata-pairs';
import { visitResources, type VisitedObject } from './resource-visit';
import { dryRunOf, ResultPrinter } from './write-common';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const LABEL_LONG = `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.

Examples:
  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy
  
  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy
  
  # Update a pod identified by the type and name in "pod.json"
  kubectl label -f pod.json status=unhealthy
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl label pods foo status=unhealthy --resource-version=1
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-`;

function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

/** parseLabels. */
function parseLabels(specs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = labelValueErrors(parts[1]);
      if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${spec}`);
  }
  if (remove.some((k) => set.has(k))) throw new KubectlError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** labelFunc: checks --overwrite, then writes the labels (an empty map stays, as unstructured SetLabels keeps it). */
function applyLabels(obj: KubeObject, overwrite: boolean, resourceVersion: string, set: Map<string, string>, remove: string[]): void {
  const meta = metadataOf(obj);
  if (!overwrite) {
    const errs = [...set]
      .filter(([k, v]) => meta.labels?.[k] !== undefined && meta.labels[k] !== v)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k]) => new KubectlError(`'${k}' already has a value (${meta.labels![k]}), and --overwrite is false`));
    if (errs.length) throw new AggregateError(errs);
  }
  const labels = { ...(meta.labels ?? {}) };
  for (const [k, v] of set) labels[k] = v;
  for (const k of remove) delete labels[k];
  meta.labels = labels;
  if (resourceVersion) meta.resourceVersion = resourceVersion;
}

/** updateDataChangeMsg: compares the serialized object before and after. */
function changeMessage(before: string, after: string, overwrite: boolean, same: boolean): string {
  if (same) return 'not labeled';
  return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
}

async function runLabel(inv: Invocation, flags: Flags): Promise<number> {
  const dryRun = dryRunOf(flags);
  const output = flags.string('output');
  const { resources, pairs } = resourcesAndPairs(flags.args, 'label');
  const { set, remove } = parseLabels(pairs);
  const list = flags.bool('list');
  const { selector, fieldSelector, all, filenames, local } = pairTargets(flags, resources, dryRun, 'pod');
  if (set.size < 1 && remove.length < 1 && !list) throw new KubectlError('at least one label update is required');

  const overwrite = flags.bool('overwrite');
  const resourceVersion = flags.string('resource-version');
  const changes = { set, remove };
  const request = local
    ? { args: [], filenames, recursive: flags.bool('recursive') }
    : { args: resources, filenames, recursive: flags.bool('recursive'), selector, fieldSelector, all, allNamespaces: flags.bool('all-namespaces'), latest: true };
  const printer = new ResultPrinter(inv, output, dryRun);
  let single = false;
  const onPlanned = (one: boolean) => {
    single = one;
    if (resourceVersion && !one) throw new KubectlError('--resource-version may only be used with a single resource');
  };
  const visit = async (t: VisitedObject) => {
    const obj = t.object;
    if (resourceVersion) metadataOf(obj).resourceVersion = '';
    const before = JSON.stringify(obj);
    const beforeObj = JSON.parse(before) as KubeObject;
    if (!(dryRun === 'client' || local || list)) {
      for (const k of changes.remove) if (metadataOf(obj).labels?.[k] === undefined) inv.out(`label ${JSON.stringify(k)} not found.\n`);
    }
    applyLabels(obj, overwrite, resourceVersion, changes.set, changes.remove);
    const after = JSON.stringify(obj);
    const message = changeMessage(before, after, overwrite, JSON.stringify(beforeObj) === after);
    let shown: KubeObject = obj;
    if (!(dryRun === 'client' || local || list)) {
      shown = await inv.client.patch(typeOf(t.info), t.namespace, t.name, 'merge', createMergePatch(beforeObj, obj), { dryRun: dryRun === 'server' });
    }
    if (list) return printPairs(inv, 'labels', t.info, t.name, metadataOf(shown).labels, single);
    printer.print(obj, t.info, message);
  };
  const { errors } = await visitResources(inv, request, visit, onPlanned);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  return 0;
}

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  long: LABEL_LONG,
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: pairCommandFlags('kubectl-label', 'labels'),
  run: runLabel,
};
