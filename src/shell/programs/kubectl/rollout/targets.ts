/** What the rollout and set commands act on: `TYPE NAME`, `TYPE/NAME`, `-l`, `--all` or `-f`, fetched fresh (Latest()). */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';
import type { FlagSpec, Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { parseResourceArgs, typeOf, type TypedName } from '../resources/mapping';
import { visitManifests } from '../resources/manifests';

export interface Target {
  info: ResourceInfo;
  obj: KubeObject;
}

export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const TARGET_FILENAME_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
  { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'kustomize', short: 'k', type: 'string', usage: 'Process the kustomization directory. This flag can\'t be used together with -f or -R.' },
];

/** Resolves the arguments to objects; failures to fetch are returned, not thrown (ContinueOnError). */
export async function fetchTargets(inv: Invocation, flags: Flags, args: string[], all = false): Promise<{ targets: Target[]; errors: unknown[] }> {
  const requests: Array<TypedName & { namespace?: string }> = [];
  const errors: unknown[] = [];
  const files = flags.list('filename');
  if (files.length) {
    if (args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    errors.push(
      ...(await visitManifests(inv, files, flags.bool('recursive'), async (item) => {
        requests.push({ info: item.info, name: item.object.metadata.name, namespace: item.object.metadata.namespace });
      })),
    );
  } else {
    requests.push(...parseResourceArgs(inv.discovery(), args));
  }
  const selector = flags.string('selector');
  if (requests.some((r) => r.name !== undefined) && selector) throw new KubectlError('name cannot be provided when a selector is specified');
  const targets: Target[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced ? (req.namespace ?? inv.namespace) : undefined;
    try {
      if (req.name !== undefined) {
        targets.push({ info: req.info, obj: await inv.client.get(typeOf(req.info), ns, req.name) });
        continue;
      }
      if (!selector && !all) throw new KubectlError(`resource(s) were provided, but no name was specified`);
      const list = await inv.client.list(typeOf(req.info), { namespace: ns, labelSelector: selector || undefined });
      for (const obj of list.items) targets.push({ info: req.info, obj });
    } catch (e) {
      if (e instanceof KubectlError) throw e;
      errors.push(e);
    }
  }
  return { targets, errors };
}

/** `statefulset.apps/web`. */
export function targetName(t: Target): string {
  const kind = t.info.kind.toLowerCase();
  return `${t.info.group ? `${kind}.${t.info.group}` : kind}/${t.obj.metadata.name ?? ''}`;
}

/** `statefulsets.apps`: the resource string of set/rollout patch errors. */
export function resourceString(t: Target): string {
  return t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource;
}

export function requireResources(inv: Invocation, flags: Flags, args: string[]): void {
  void inv;
  if (args.length === 0 && flags.list('filename').length === 0 && !flags.string('kustomize')) throw new KubectlError('required resource not specified');
}
