/** What label and annotate share: KEY=VAL / KEY- arguments, the merge-patch diff, --list and the flags. */
import { deepEqual, isPlainObject } from '../../../../cluster/api/object-utils';
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';
import type { FlagSpec, Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, type DryRun } from './write-common';

/** cmdutil.GetResourcesAndPairs: resources first, then KEY=VAL / KEY- changes. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** jsonpatch.CreateMergePatch: the RFC 7386 patch that turns `from` into `to`. */
export function createMergePatch(from: unknown, to: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const a = isPlainObject(from) ? from : {};
  const b = isPlainObject(to) ? to : {};
  for (const [k, v] of Object.entries(b)) {
    if (!(k in a)) out[k] = v;
    else if (isPlainObject(a[k]) && isPlainObject(v)) {
      const sub = createMergePatch(a[k], v);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (!deepEqual(a[k], v)) out[k] = v;
  }
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
  return out;
}

/** `--list`: `key=value` lines; several objects each get a `Listing … for Kind.group/name:` header. */
export function printPairs(inv: Invocation, what: 'labels' | 'annotations', info: ResourceInfo, name: string, values: Record<string, string> | undefined, single: boolean): void {
  const indent = single ? '' : ' ';
  if (!single) inv.out(`Listing ${what} for ${info.kind}.${info.group}/${name}:\n`);
  // Go ranges over a map in random order; sorted is one of those orders, and stable.
  for (const k of Object.keys(values ?? {}).sort()) inv.out(`${indent}${k}=${values![k]}\n`);
}

export function metadataOf(obj: KubeObject): { labels?: Record<string, string>; annotations?: Record<string, string>; resourceVersion?: string } {
  return obj.metadata as { labels?: Record<string, string>; annotations?: Record<string, string>; resourceVersion?: string };
}

/** Flags label and annotate both register (beyond --overwrite, --list, …). */
export function pairCommandFlags(fieldManager: string, what: string): FlagSpec[] {
  return [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'overwrite', type: 'bool', usage: `If true, allow ${what} to be overwritten, otherwise reject ${what} updates that overwrite existing ${what}.` },
    { name: 'list', type: 'bool', usage: `If true, display the ${what} for a given resource.` },
    { name: 'local', type: 'bool', usage: `If true, ${what === 'labels' ? 'label' : 'annotation'} will NOT contact api-server but run locally.` },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If true, check the specified action in all namespaces.' },
    { name: 'resource-version', type: 'string', usage: `If non-empty, the ${what} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.` },
    { name: 'field-manager', type: 'string', default: fieldManager, usage: 'Name of the manager used to track field ownership.' },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command.', hidden: true },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  ];
}

export interface PairTargets {
  selector?: string;
  fieldSelector?: string;
  all: boolean;
  filenames: string[];
  local: boolean;
}

/**
 * The target checks label's and annotate's Validate share, in kubectl's order;
 * `example` is the file each names in its --local messages ('pod' or 'rsrc').
 */
export function pairTargets(flags: Flags, resources: string[], dryRun: DryRun, example: string): PairTargets {
  if (flags.bool('list') && flags.string('output')) throw new KubectlError('--list and --output may not be specified together');
  const selector = flags.changed('selector') ? flags.string('selector') : undefined;
  const fieldSelector = flags.changed('field-selector') ? flags.string('field-selector') : undefined;
  const all = flags.bool('all');
  if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
  if (all && fieldSelector) throw new KubectlError('cannot set --all and --field-selector at the same time');
  const filenames = flags.list('filename');
  const local = flags.bool('local');
  if (local) {
    if (dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new KubectlError(`can only use local files by -f ${example}.yaml or --filename=${example}.json when --local=true is set`);
    if (filenames.length === 0) throw new KubectlError(`one or more files must be specified as -f ${example}.yaml or --filename=${example}.json`);
  } else if (resources.length < 1 && filenames.length === 0) {
    throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  return { selector, fieldSelector, all, filenames, local };
}
