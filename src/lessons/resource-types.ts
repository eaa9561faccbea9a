import type { ResourceType } from '../cluster/api/types';
import type { ClusterClient } from '../cluster/client/types';

export interface ResolvedResource {
  type: ResourceType;
  kind: string;
  namespaced: boolean;
}

/** Maps a name as kubectl accepts it (Pod, pods, po, statefulset.apps) to a served resource. */
export function resolveResource(client: ClusterClient, name: string): ResolvedResource {
  const [base, ...groupParts] = name.toLowerCase().split('.');
  const group = groupParts.join('.');
  const info = client
    .discovery()
    .find(
      (r) =>
        (!group || r.group === group) &&
        (r.resource === base || r.singular === base || r.kind.toLowerCase() === base || r.shortNames.includes(base)),
    );
  if (!info) throw new Error(`the server doesn't have a resource type "${name}"`);
  return {
    type: { group: info.group, version: info.version, resource: info.resource },
    kind: info.kind,
    namespaced: info.namespaced,
  };
}
