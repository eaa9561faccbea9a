/** kubectl get (pkg/cmd/get/get.go Run): list or fetch, then print tables or generic output. */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { jsonPathValues } from '../output/jsonpath';
import { parseOutput, printCustomColumns, printGeneric, type OutputSpec } from '../output/printer';
import { TabWriter } from '../printers/tabwriter';
import { listResources } from '../resources/list';
import { parseResourceArgs, typeOf, type TypedName } from '../resources/mapping';
import { visitManifests } from '../resources/manifests';
import { GET_FLAGS, tablePrinterFor } from './get-flags';
import { watchResources } from './get-watch';
import { GET_LONG } from '../help/get';

export interface FetchedGroup {
  info: ResourceInfo;
  objects: KubeObject[];
  /** A list request (as opposed to named objects). */
  list: boolean;
  resourceVersion?: string;
}

function withTypeMeta(obj: KubeObject, info: ResourceInfo): KubeObject {
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return { ...obj, apiVersion: obj.apiVersion || apiVersion, kind: obj.kind || info.kind };
}

const byNamespaceName = (a: KubeObject, b: KubeObject) => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

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

export async function fetchGroups(inv: Invocation, flags: Flags, requests: TypedName[]): Promise<{ groups: FetchedGroup[]; errors: unknown[] }> {
  const allNamespaces = flags.bool('all-namespaces');
  const groups: FetchedGroup[] = [];
  const errors: unknown[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced ? ((req as { namespace?: string }).namespace ?? inv.namespace) : undefined;
    if (req.name !== undefined) {
      try {
        const obj = await inv.client.get(typeOf(req.info), ns, req.name);
        const last = groups[groups.length - 1];
        if (last && !last.list && last.info === req.info) last.objects.push(withTypeMeta(obj, req.info));
        else groups.push({ info: req.info, objects: [withTypeMeta(obj, req.info)], list: false });
      } catch (e) {
        if (!(flags.bool('ignore-not-found') && (e as { reason?: string }).reason === 'NotFound')) errors.push(e);
      }
      continue;
    }
    try {
      const list = await listResources(inv, req.info, {
        namespace: allNamespaces || !req.info.namespaced ? undefined : ns,
        labelSelector: flags.string('selector') || undefined,
        fieldSelector: flags.string('field-selector') || undefined,
      });
      const objects = list.items.map((o) => withTypeMeta(o, req.info)).sort(byNamespaceName);
      groups.push({ info: req.info, objects, list: true, resourceVersion: list.metadata.resourceVersion });
    } catch (e) {
      errors.push(e);
    }
  }
  return { groups, errors };
}

/** --sort-by: kubectl's RuntimeSorter over one list. */
function sortObjects(objects: KubeObject[], field: string): KubeObject[] {
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

function printHuman(inv: Invocation, flags: Flags, spec: OutputSpec, groups: FetchedGroup[], errors: unknown[]): void {
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
      printer = tablePrinterFor(g.info, flags, spec.kind === 'table' && spec.wide, allNamespaces, withKind);
      last = g.info;
    }
    w.write(printer.print(g.objects, inv.now()));
  }
  w.flush();
  if (written === 0 && !flags.bool('ignore-not-found') && errors.length === 0) {
    inv.err(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
}

async function runGet(inv: Invocation, flags: Flags): Promise<number> {
  const spec = parseOutput(flags.string('output'), true);
  if (flags.args.length === 0 && flags.list('filename').length === 0) {
    inv.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new KubectlError(
      `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
    );
  }
  const requests = await requestsFor(inv, flags);
  if (flags.bool('watch') || flags.bool('watch-only')) return watchResources(inv, flags, spec, requests);
  const { groups, errors } = await fetchGroups(inv, flags, requests);
  const sortBy = flags.string('sort-by');
  if (sortBy) for (const g of groups) g.objects = sortObjects(g.objects, sortBy);

  if (spec.kind === 'table') printHuman(inv, flags, spec, groups, errors);
  else if (spec.kind === 'custom-columns') {
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
