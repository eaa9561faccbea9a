/**
 * cli-runtime's resource.Builder as scale, patch, label and annotate use it:
 * `TYPE NAME…`, `TYPE/NAME…`, `-f FILE`, `TYPE -l SELECTOR` or `TYPE --all`,
 * ContinueOnError (one failing object does not stop the others) and the
 * builder's own argument errors, in its order.
 */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';
import type { Invocation } from '../context';
import { listResources } from '../resources/list';
import { applyNamespace, visitManifests } from '../resources/manifests';
import { resolveTypeArg, typeOf } from '../resources/mapping';

export interface VisitRequest {
  args: string[];
  filenames: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  /** ResourceTypeOrNameArgs(allowEmptySelector): `TYPE` alone means every object (`--all`). */
  all?: boolean;
  allNamespaces?: boolean;
  /** Builder.Latest(): objects named in files are fetched from the server. */
  latest?: boolean;
}

export interface VisitedObject {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  /** The server's object, or the file's object for -f without `latest`. */
  object: KubeObject;
}

export interface VisitResult {
  /** Errors from single objects (NotFound, the callback's failures), in visit order. */
  errors: unknown[];
  /** How many objects reached the callback. */
  count: number;
  /** One object named on the command line (Result.IntoSingleItemImplied). */
  singleItemImplied: boolean;
}

export const MISSING_RESOURCE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

interface Plan {
  singleItemImplied: boolean;
  /** Named objects to fetch, or lists to run. */
  named: Array<{ info: ResourceInfo; name: string }>;
  listed: ResourceInfo[];
}

function splitTypes(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

/** builder.visitorResult: which objects the arguments name, or the builder's error. */
function plan(inv: Invocation, req: VisitRequest): Plan {
  const discovery = inv.discovery();
  const args = req.args;
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== args.length) {
    throw new KubectlError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  const tuples = slashed > 0 ? args : [];
  const types = slashed === 0 && args.length > 0 ? splitTypes(args[0]) : [];
  const names = slashed === 0 ? args.slice(1) : [];
  // `TYPE --all` is an empty (match-everything) selector; with names --all is ignored.
  const everything = Boolean(req.all) && types.length > 0 && names.length === 0;
  const hasSelector = req.selector !== undefined || req.fieldSelector !== undefined || everything;

  if (req.filenames.length > 0) {
    if (types.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (names.length) throw new KubectlError('name cannot be provided when a path is specified');
    if (tuples.length) throw new KubectlError('resource/name arguments cannot be provided when a path is specified');
    const files = req.filenames;
    const single = files.length === 1 && files[0] !== '-' && !isDirectory(inv, files[0]);
    return { singleItemImplied: single, named: [], listed: [] };
  }
  if (hasSelector) {
    if (names.length) throw new KubectlError('name cannot be provided when a selector is specified');
    if (tuples.length) throw new KubectlError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (types.length === 0) throw new KubectlError('at least one resource must be specified to use a selector');
    return { singleItemImplied: false, named: [], listed: types.map((t) => resolveTypeArg(discovery, t)) };
  }
  if (tuples.length) {
    const named = tuples.map((t) => {
      const parts = t.split('/');
      if (parts.length > 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      if (!parts[0] || !parts[1]) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      return { info: resolveTypeArg(discovery, parts[0]), name: parts[1] };
    });
    return { singleItemImplied: tuples.length === 1, named, listed: [] };
  }
  if (names.length) {
    if (types.length > 1) throw new KubectlError('you must specify only one resource');
    const info = resolveTypeArg(discovery, types[0]);
    return { singleItemImplied: names.length === 1, named: names.map((name) => ({ info, name })), listed: [] };
  }
  if (types.length) {
    for (const t of types) resolveTypeArg(discovery, t);
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  throw new KubectlError(MISSING_RESOURCE);
}

/**
 * Visits every object the request names. Argument errors throw before anything
 * is visited; per-object errors are collected (ContinueOnError).
 */
export async function visitResources(
  inv: Invocation,
  req: VisitRequest,
  fn: (target: VisitedObject) => Promise<void>,
  /** Runs once the arguments are understood, before any object is fetched; may throw. */
  onPlanned?: (singleItemImplied: boolean) => void,
): Promise<VisitResult> {
  const p = plan(inv, req);
  onPlanned?.(p.singleItemImplied);
  const errors: unknown[] = [];
  let count = 0;
  const call = async (target: VisitedObject) => {
    try {
      count++;
      await fn(target);
    } catch (e) {
      errors.push(e);
    }
  };
  if (req.filenames.length > 0) {
    const files = req.filenames;
    const fileErrors = await visitManifests(inv, files, Boolean(req.recursive), async (item) => {
      applyNamespace(inv, item);
      const name = item.object.metadata.name ?? '';
      const namespace = item.info.namespaced ? item.object.metadata.namespace : undefined;
      const object = req.latest ? await inv.client.get(typeOf(item.info), namespace, name) : item.object;
      await call({ info: item.info, namespace, name, object });
    });
    errors.push(...fileErrors);
    return { errors, count, singleItemImplied: p.singleItemImplied };
  }
  for (const { info, name } of p.named) {
    const namespace = info.namespaced ? inv.namespace : undefined;
    let object: KubeObject;
    try {
      object = await inv.client.get(typeOf(info), namespace, name);
    } catch (e) {
      errors.push(e);
      continue;
    }
    await call({ info, namespace, name, object });
  }
  for (const info of p.listed) {
    const namespace = info.namespaced && !req.allNamespaces ? inv.namespace : undefined;
    let items: KubeObject[];
    try {
      const list = await listResources(inv, info, {
        namespace,
        labelSelector: req.selector || undefined,
        fieldSelector: req.fieldSelector || undefined,
      });
      items = list.items;
    } catch (e) {
      errors.push(e);
      continue;
    }
    for (const object of items) {
      await call({ info, namespace: object.metadata.namespace, name: object.metadata.name ?? '', object });
    }
  }
  return { errors, count, singleItemImplied: p.singleItemImplied };
}

function isDirectory(inv: Invocation, path: string): boolean {
  const abs = path.startsWith('/') ? path : `${inv.io.cwd.replace(/\/$/, '')}/${path}`;
  try {
    return inv.io.fs.stat(abs).type === 'dir';
  } catch {
    return false;
  }
}
