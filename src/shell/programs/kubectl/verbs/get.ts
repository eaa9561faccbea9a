/** kubectl get (pkg/cmd/get/get.go Run): list or fetch, then print tables or generic output. */
import type { ReadonlyKubeObject } from '../../../../cluster/client/types';
import type { KubeList, KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import type { ListOptions } from '../../../../cluster/client/types';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { jsonPathValues } from '../output/jsonpath';
import { parseOutput, printCustomColumns, printGeneric, type OutputSpec } from '../output/printer';
import { TabWriter } from '../printers/tabwriter';
import { listResources, listResourcesReadOnly } from '../resources/list';
import { parseResourceArgs, typeOf, type TypedName } from '../resources/mapping';
import { visitManifests } from '../resources/manifests';
import { GET_FLAGS, tablePrinterFor } from './get-flags';
import { watchResources } from './get-watch';
import { GET_LONG } from '../help/get';

export interface FetchedGroup<T extends ReadonlyKubeObject = KubeObject> {
  info: ResourceInfo;
  objects: T[];
  /** A list request (as opposed to named objects). */
  list: boolean;
  resourceVersion?: string;
}

/** Where objects come from: copies the caller may change, or (for tables) objects that are only read. */
interface ObjectSource<T extends ReadonlyKubeObject> {
  list(inv: Invocation, info: ResourceInfo, options: ListOptions): Promise<Omit<KubeList, 'items'> & { items: readonly T[] }>;
  get(inv: Invocation, info: ResourceInfo, namespace: string | undefined, name: string): Promise<T>;
}

const COPIES: ObjectSource<KubeObject> = {
  list: listResources,
  get: (inv, info, namespace, name) => inv.client.get(typeOf(info), namespace, name),
};

const READ_ONLY: ObjectSource<ReadonlyKubeObject> = { list: listResourcesReadOnly, get: COPIES.get };

function withTypeMeta<T extends ReadonlyKubeObject>(obj: T, info: ResourceInfo): T {
  if (obj.apiVersion && obj.kind) return obj;
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return { ...obj, apiVersion: obj.apiVersion || apiVersion, kind: obj.kind || info.kind };
}

/** Orders as `${a1}/${a2}` against `${b1}/${b2}` would, without building either string. */
function compareJoined(a1: string, a2: string, b1: string, b2: string): number {
  if (a1 !== b1) {
    const m = Math.min(a1.length, b1.length);
    for (let i = 0; i < m; i++) {
      const d = a1.charCodeAt(i) - b1.charCodeAt(i);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    // One namespace is a prefix of the other: its '/' meets the other's next character.
    const next = a1.length < b1.length ? b1.charCodeAt(m) : a1.charCodeAt(m);
    const slash = 0x2f;
    if (next !== slash) return (a1.length < b1.length) === (slash < next) ? -1 : 1;
    const ka = `${a1}/${a2}`;
    const kb = `${b1}/${b2}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}

const byNamespaceName = (a: ReadonlyKubeObject, b: ReadonlyKubeObject) =>
  compareJoined(a.metadata.namespace ?? '', a.metadata.name ?? '', b.metadata.namespace ?? '', b.metadata.name ?? '');

/** Objects ordered by `namespace/name`; a list usually comes in that order already, which one pass confirms. */
function sortByNamespaceName<T extends ReadonlyKubeObject>(objects: T[]): T[] {
  for (let i = 1; i < objects.length; i++) if (byNamespaceName(objects[i - 1], objects[i]) > 0) return objects.sort(byNamespaceName);
  return objects;
}

/** The requests named by args or -f. */
export async function requestsFor(inv: Invocation, flags: Flags): Promise<TypedName[]> {
  const files = flags.list('filename');
  if (files.length === 0) return parseResourceArgs(inv.discovery(), flags.args);
  if (flags.args.length > 0) {
    throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  }
  const out: Array<TypedName & { namespace?: string }> = [];
  const errors = await visitManifests(inv, files, flags.bool('recursive'), async (item) => {
    out.push({ info: item.info, name: item.object.metadata.name, namespace: item.object.metadata.namespace });
  });
  if (errors.length) throw new AggregateError(errors);
  return out;
}

export function fetchGroups(inv: Invocation, flags: Flags, requests: TypedName[]): Promise<{ groups: FetchedGroup[]; errors: unknown[] }> {
  return fetchFrom(COPIES, inv, flags, requests);
}

async function fetchFrom<T extends ReadonlyKubeObject>(
  source: ObjectSource<T>,
  inv: Invocation,
  flags: Flags,
  requests: TypedName[],
): Promise<{ groups: FetchedGroup<T>[]; errors: unknown[] }> {
  const allNamespaces = flags.bool('all-namespaces');
  const groups: FetchedGroup<T>[] = [];
  const errors: unknown[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced ? ((req as { namespace?: string }).namespace ?? inv.namespace) : undefined;
    if (req.name !== undefined) {
      try {
        const obj = await source.get(inv, req.info, ns, req.name);
        const last = groups[groups.length - 1];
        if (last && !last.list && last.info === req.info) last.objects.push(withTypeMeta(obj, req.info));
        else groups.push({ info: req.info, objects: [withTypeMeta(obj, req.info)], list: false });
      } catch (e) {
        if (!(flags.bool('ignore-not-found') && (e as { reason?: string }).reason === 'NotFound')) errors.push(e);
      }
      continue;
    }
    try {
      const list = await source.list(inv, req.info, {
        namespace: allNamespaces || !req.info.namespaced ? undefined : ns,
        labelSelector: flags.string('selector') || undefined,
        fieldSelector: flags.string('field-selector') || undefined,
      });
      const objects = sortByNamespaceName(list.items.map((o) => withTypeMeta(o, req.info)));
      groups.push({ info: req.info, objects, list: true, resourceVersion: list.metadata.resourceVersion });
    } catch (e) {
      errors.push(e);
    }
  }
  return { groups, errors };
}

/** --sort-by: kubectl's RuntimeSorter over one list. */
function sortObjects<T extends ReadonlyKubeObject>(objects: T[], field: string): T[] {
  const expr = field.startsWith('{') ? field : `{${field}}`;
  const keyed = objects.map((o, i) => ({ o, i, v: jsonPathValues(expr, o)[0] }));
  if (objects.length > 0 && keyed.every((k) => k.v === undefined)) {
    throw new KubectlError(`couldn't find any field with path "${expr}" in the list of objects`);
  }
  const rank = (v: unknown) => (v === undefined ? 0 : 1);
  keyed.sort((a, b) => {
    if (rank(a.v) !== rank(b.v)) return rank(a.v) - rank(b.v);
    if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v || a.i - b.i;
    const sa = String(a.v ?? '');
    const sb = String(b.v ?? '');
    return sa < sb ? -1 : sa > sb ? 1 : a.i - b.i;
  });
  return keyed.map((k) => k.o);
}

function printHuman(inv: Invocation, flags: Flags, wide: boolean, groups: FetchedGroup<ReadonlyKubeObject>[], errors: unknown[]): void {
  const kinds = new Set(groups.map((g) => `${g.info.group}/${g.info.kind}`));
  const withKind = kinds.size > 1;
  const allNamespaces = flags.bool('all-namespaces');
  let written = 0;
  let separatorReady = false;
  const write = (s: string) => {
    if (!s) return;
    if (separatorReady) {
      inv.out('\n');
      separatorReady = false;
    }
    written += s.length;
    inv.out(s);
  };
  const w = new TabWriter(write);
  let allNamespaced = !allNamespaces;
  let last: ResourceInfo | undefined;
  let printer: ReturnType<typeof tablePrinterFor> | undefined;
  for (const g of groups) {
    allNamespaced = allNamespaced && g.info.namespaced;
    if (!printer || last !== g.info) {
      w.flush();
      w.setRememberedWidths(null);
      if (last && !flags.bool('no-headers') && written > 0) separatorReady = true;
      printer = tablePrinterFor(g.info, flags, wide, allNamespaces, withKind);
      last = g.info;
    }
    for (const row of printer.rows(g.objects, inv.now())) w.writeRow(row);
  }
  w.flush();
  if (written === 0 && !flags.bool('ignore-not-found') && errors.length === 0) {
    inv.err(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
}

async function runGet(inv: Invocation, flags: Flags): Promise<number> {
  const spec = parseOutput(flags.string('output'), true, flags.string('template'));
  if (flags.args.length === 0 && flags.list('filename').length === 0) {
    inv.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new KubectlError(
      `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
    );
  }
  const requests = await requestsFor(inv, flags);
  if (flags.bool('watch') || flags.bool('watch-only')) return watchResources(inv, flags, spec, requests);
  const sortBy = flags.string('sort-by');
  if (spec.kind === 'table') {
    // Tables only read what they list, so they print the API server's objects without copies.
    const { groups, errors } = await fetchFrom(READ_ONLY, inv, flags, requests);
    if (sortBy) for (const g of groups) g.objects = sortObjects(g.objects, sortBy);
    printHuman(inv, flags, spec.wide, groups, errors);
    if (errors.length) throw new AggregateError(errors);
    return 0;
  }
  const { groups, errors } = await fetchGroups(inv, flags, requests);
  if (sortBy) for (const g of groups) g.objects = sortObjects(g.objects, sortBy);
  if (spec.kind === 'custom-columns') {
    inv.out(printCustomColumns(spec, groups.flatMap((g) => g.objects), flags.bool('no-headers')));
  } else {
    const single = requests.length === 1 && requests[0].name !== undefined;
    if (single && errors.length) throw errors[0];
    const items = groups.flatMap((g) => g.objects.map((obj) => ({ obj, info: g.info })));
    inv.out(printGeneric(spec, items, single));
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  long: GET_LONG,
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: GET_FLAGS,
  run: runGet,
};
