import type { KubeObject } from '../../cluster/api/types';
import type { CheckKind, PodsInOrderCheck } from './types';
import { isReady, isTerminating } from './common';

const PODS = { group: '', version: 'v1', resource: 'pods' };

function ordinalOf(pod: KubeObject, set: string): number | undefined {
  const owned = pod.metadata.ownerReferences?.some((o) => o.kind === 'StatefulSet' && o.name === set);
  const match = new RegExp(`^${set.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(pod.metadata.name ?? '');
  return owned && match ? Number(match[1]) : undefined;
}

/** Exactly the ordinals 0..replicas-1 of a StatefulSet exist, each Running and Ready. */
export const podsInOrder: CheckKind<PodsInOrderCheck> = {
  kind: 'podsInOrder',
  fields: ['statefulSet', 'replicas', 'namespace', 'createdInOrder'],
  parse(f) {
    const replicas = f.number('replicas', true);
    if (!Number.isInteger(replicas) || replicas < 0) f.problem('replicas', 'must be a whole number, 0 or more');
    return { statefulSet: f.string('statefulSet', true), replicas, namespace: f.string('namespace'), createdInOrder: f.boolean('createdInOrder') };
  },
  watches: () => ['pods'],
  async evaluate(c, ctx) {
    const list = await ctx.client.list(PODS, { namespace: c.namespace ?? ctx.namespace() });
    const byOrdinal = new Map<number, KubeObject>();
    for (const pod of list.items) {
      const ordinal = ordinalOf(pod, c.statefulSet);
      if (ordinal !== undefined) byOrdinal.set(ordinal, pod);
    }
    const problems: string[] = [];
    for (let i = 0; i < c.replicas; i++) {
      const pod = byOrdinal.get(i);
      const name = `${c.statefulSet}-${i}`;
      if (!pod) problems.push(`${name} does not exist`);
      else if (isTerminating(pod)) problems.push(`${name} is terminating`);
      else if (!isReady(pod)) problems.push(`${name} is not Running and Ready`);
    }
    const extra = [...byOrdinal.keys()].filter((i) => i >= c.replicas).sort((a, b) => a - b);
    for (const i of extra) problems.push(`${c.statefulSet}-${i} still exists`);
    if (!problems.length && c.createdInOrder) {
      for (let i = 1; i < c.replicas; i++) {
        const before = byOrdinal.get(i - 1)!.metadata.creationTimestamp ?? '';
        const after = byOrdinal.get(i)!.metadata.creationTimestamp ?? '';
        if (after < before) problems.push(`${c.statefulSet}-${i} was created before ${c.statefulSet}-${i - 1}`);
      }
    }
    if (problems.length) return { passed: false, detail: problems.join('; ') };
    return { passed: true, detail: `${c.statefulSet}-0…${c.statefulSet}-${c.replicas - 1} are Running and Ready` };
  },
};
