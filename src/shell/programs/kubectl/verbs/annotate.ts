/** kubectl annotate (pkg/cmd/annotate): add, overwrite or remove annotations with a merge patch; --list shows them. */
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { typeOf } from '../resources/mapping';
import { createMergePatch, metadataOf, pairCommandFlags, pairTargets, printPairs, resourcesAndPairs } from './metadata-pairs';
import { visitResources, type VisitedObject } from './resource-visit';
import { dryRunOf, ResultPrinter } from './write-common';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const ANNOTATE_LONG = `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'
  
  # Update a pod identified by type and name in "pod.json"
  kubectl annotate -f pod.json description='my frontend'
  
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  kubectl annotate --overwrite pods foo description='my frontend running nginx'
  
  # Update all pods in the namespace
  kubectl annotate pods --all description='my frontend running nginx'
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1
  
  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-`;

/** cmdutil.ParsePairs(…, "annotation", true): values may contain `=`. */
function parseAnnotations(pairs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=');
      set.set(p.slice(0, eq), p.slice(eq + 1));
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) throw new KubectlError(`invalid annotation format: ${invalid.join(', ')}`);
  return { set, remove };
}

function applyAnnotations(obj: KubeObject, overwrite: boolean, resourceVersion: string, set: Map<string, string>, remove: string[]): void {
  const meta = metadataOf(obj);
  if (!overwrite) {
    const clashes = [...set]
      .filter(([k, v]) => k !== CHANGE_CAUSE && meta.annotations?.[k] !== undefined && meta.annotations[k] !== v)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k]) => `'${k}' already has a value (${meta.annotations![k]})`);
    if (clashes.length) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`);
  }
  const annotations = { ...(meta.annotations ?? {}) };
  for (const [k, v] of set) annotations[k] = v;
  for (const k of remove) delete annotations[k];
  meta.annotations = annotations;
  if (resourceVersion) meta.resourceVersion = resourceVersion;
}

async function runAnnotate(inv: Invocation, flags: Flags): Promise<number> {
  const dryRun = dryRunOf(flags);
  const output = flags.string('output');
  const printer = new ResultPrinter(inv, output, dryRun);
  const { resources, pairs } = resourcesAndPairs(flags.args, 'annotation');
  const { set, remove } = parseAnnotations(pairs);
  const list = flags.bool('list');
  const { selector, fieldSelector, all, filenames, local } = pairTargets(flags, resources, dryRun, 'rsrc');
  if (set.size < 1 && remove.length < 1 && !list) throw new KubectlError('at least one annotation update is required');
  const both = remove.filter((k) => set.has(k));
  if (both.length) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);

  const overwrite = flags.bool('overwrite');
  const resourceVersion = flags.string('resource-version');
  const request = local
    ? { args: [], filenames, recursive: flags.bool('recursive') }
    : { args: resources, filenames, recursive: flags.bool('recursive'), selector, fieldSelector, all, allNamespaces: flags.bool('all-namespaces'), latest: true };
  let single = false;
  const onPlanned = (one: boolean) => {
    single = one;
    if (resourceVersion && !one) throw new KubectlError('--resource-version may only be used with a single resource');
  };
  const visit = async (t: VisitedObject) => {
    const obj = t.object;
    let shown: KubeObject = obj;
    if (dryRun === 'client' || local || list) {
      applyAnnotations(obj, overwrite, resourceVersion, set, remove);
    } else {
      if (resourceVersion) metadataOf(obj).resourceVersion = '';
      const before = JSON.parse(JSON.stringify(obj)) as KubeObject;
      applyAnnotations(obj, overwrite, resourceVersion, set, remove);
      shown = await inv.client.patch(typeOf(t.info), t.namespace, t.name, 'merge', createMergePatch(before, obj), { dryRun: dryRun === 'server' });
    }
    if (list) return printPairs(inv, 'annotations', t.info, t.name, metadataOf(shown).annotations, single);
    printer.print(shown, t.info, 'annotated');
  };
  const { errors } = await visitResources(inv, request, visit, onPlanned);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  return 0;
}

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  long: ANNOTATE_LONG,
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: pairCommandFlags('kubectl-annotate', 'annotations'),
  run: runAnnotate,
};
