/** From what the user typed or a manifest says to a served resource (kubectl's RESTMapper). */
import { resolveResource } from '../../../../cluster/api/discovery';
import type { ResourceInfo, ResourceType } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';

export function typeOf(info: ResourceInfo): ResourceType {
  return { group: info.group, version: info.version, resource: info.resource };
}

/** `statefulset.apps`, `pod`: the lower-case kind and group kubectl prints before `/name`. */
export function kindGroup(info: ResourceInfo): string {
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

/** `statefulsets.apps`, `pods`: the qualified resource of API messages. */
export function resourceGroup(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

export function apiVersionOfInfo(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** A type argument (`po`, `statefulsets.apps`, `StatefulSet`) or kubectl's error. */
export function resolveTypeArg(discovery: ResourceInfo[], name: string): ResourceInfo {
  const info = resolveResource(discovery, name);
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${name}"`);
  return info;
}

/** Discovery entry for a manifest's apiVersion + kind, or undefined when nothing serves it. */
export function infoForKind(discovery: ResourceInfo[], apiVersion: string, kind: string): ResourceInfo | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  return discovery.find((i) => i.kind === kind && i.group === group && i.version === version);
}

export interface TypedName {
  info: ResourceInfo;
  name?: string;
}

/**
 * cli-runtime's ResourceTypeOrNameArgs: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`.
 * Returns the requests in order; types without names mean "list".
 */
export function parseResourceArgs(discovery: ResourceInfo[], args: string[]): TypedName[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    if (!args[0].includes('/')) {
      throw new KubectlError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      );
    }
    return args.map((a) => {
      const slash = a.indexOf('/');
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (!type || !name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      return { info: resolveTypeArg(discovery, type), name };
    });
  }
  const types = args[0].split(',').filter((t) => t !== '');
  const names = args.slice(1);
  const infos = types.map((t) => (t === 'all' ? expandAll(discovery) : [resolveTypeArg(discovery, t)])).flat();
  if (names.length === 0) return infos.map((info) => ({ info }));
  return infos.flatMap((info) => names.map((name) => ({ info, name })));
}

/** `all`: every resource in the "all" category, in discovery order. */
function expandAll(discovery: ResourceInfo[]): ResourceInfo[] {
  const order = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];
  return discovery
    .filter((i) => i.categories?.includes('all'))
    .sort((a, b) => order.indexOf(a.resource) - order.indexOf(b.resource));
}
