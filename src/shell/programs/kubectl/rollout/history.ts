/**
 * polymorphichelpers/history.go and rollback.go for StatefulSets (ControllerRevisions)
 * and Deployments (ReplicaSets): list revisions, print them, find one to roll back to.
 */
import type { KubeObject, ResourceType } from '../../../../cluster/api/types';
import type { ClusterClient } from '../../../../cluster/client/types';
import { formatLabelSelector } from '../printers/format';
import { alignTable, DESCRIBE_TABWRITER } from '../printers/tabwriter';
import type { Json } from '../printers/types';
import { describePodTemplate } from '../describe/containers';
import { rawPrefixWriter } from '../describe/prefix-writer';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const REVISIONS: ResourceType = { group: 'apps', version: 'v1', resource: 'controllerrevisions' };
const REPLICASETS: ResourceType = { group: 'apps', version: 'v1', resource: 'replicasets' };

export interface Revision {
  revision: number;
  /** The pod template this revision stands for. */
  template: Json;
  changeCause: string;
  /** The ControllerRevision (StatefulSet) or ReplicaSet it came from. */
  source: KubeObject;
}

function controlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid);
}

/** Drops the `$patch` directives a ControllerRevision's strategic patch carries. */
function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== '$patch') out[k] = stripDirectives(v);
  return out;
}

/** The pod template stored in a StatefulSet ControllerRevision (`data.spec.template`). */
export function revisionTemplate(rev: KubeObject): Json {
  return stripDirectives((rev as Json).data?.spec?.template ?? {});
}

/** statefulSetHistory: ControllerRevisions selected by the set's selector and controlled by it. */
export async function statefulSetRevisions(client: ClusterClient, sts: KubeObject): Promise<Revision[]> {
  const selector = formatLabelSelector((sts as Json).spec?.selector);
  const list = await client.list(REVISIONS, { namespace: sts.metadata.namespace, labelSelector: selector === '<none>' ? undefined : selector });
  return list.items
    .filter((rev) => controlledBy(rev, sts))
    .map((rev) => ({
      revision: Number((rev as Json).revision ?? 0),
      template: revisionTemplate(rev),
      changeCause: rev.metadata.annotations?.[CHANGE_CAUSE] ?? '',
      source: rev,
    }));
}

/** Deployment history: owned ReplicaSets by their `deployment.kubernetes.io/revision`. */
export async function deploymentRevisions(client: ClusterClient, d: KubeObject): Promise<Revision[]> {
  const list = await client.list(REPLICASETS, { namespace: d.metadata.namespace });
  const out: Revision[] = [];
  for (const rs of list.items.filter((r) => controlledBy(r, d))) {
    const revision = Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
    if (!Number.isInteger(revision)) continue;
    out.push({ revision, template: (rs as Json).spec?.template ?? {}, changeCause: rs.metadata.annotations?.[CHANGE_CAUSE] ?? '', source: rs });
  }
  return out;
}

/** printTemplate: DescribePodTemplate through a plain PrefixWriter, so tabs stay raw. */
export function printTemplate(template: Json): string {
  let out = '';
  describePodTemplate(template, rawPrefixWriter((s) => (out += s)));
  return out;
}

/** printHistory: the REVISION / CHANGE-CAUSE table, or one revision's template. */
export function printHistory(revisions: Revision[], revision: number): { text?: string; error?: string } {
  const byNumber = new Map(revisions.map((r) => [r.revision, r]));
  if (byNumber.size === 0) return { text: 'No rollout history found.' };
  if (revision > 0) {
    const r = byNumber.get(revision);
    if (!r) return { error: 'unable to find the specified revision' };
    return { text: printTemplate(r.template) };
  }
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  const rows = numbers.map((n) => `${n}\t${byNumber.get(n)!.changeCause || '<none>'}\n`).join('');
  return { text: alignTable('REVISION\tCHANGE-CAUSE\n' + rows, DESCRIBE_TABWRITER) };
}

/** findHistory: the given revision, or (0) the second newest. */
export function findRevision(revisions: Revision[], toRevision: number): Revision | undefined {
  if (toRevision === 0) {
    if (revisions.length <= 1) return undefined;
    const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
    return sorted[sorted.length - 2];
  }
  return revisions.find((r) => r.revision === toRevision);
}
