/** List/watch options → one predicate over stored objects (label and field selectors). */
import type { ListOptions } from '../client/types';
import { badRequest } from './errors';
import type { Strategy } from './registry/types';
import { labelMatcher, parseFieldSelector, SelectorParseError } from './selectors';
import type { KubeObject } from './types';

type FieldGetter = (o: Record<string, any>) => string | undefined;

const META_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata?.name ?? '',
  'metadata.namespace': (o) => o.metadata?.namespace ?? '',
};

export function objectPredicate(strategy: Strategy | undefined, options: ListOptions): (o: KubeObject) => boolean {
  let labels: (l: Record<string, string> | undefined) => boolean;
  let fields: Array<{ get: FieldGetter; op: '=' | '!='; value: string }>;
  try {
    labels = labelMatcher(options.labelSelector);
    fields = parseFieldSelector(options.fieldSelector ?? '').map((r) => {
      const get = META_FIELDS[r.field] ?? strategy?.fieldLabels?.[r.field];
      if (!get) throw badRequest(`field label not supported: ${r.field}`);
      return { get, op: r.operator, value: r.value };
    });
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(e.message);
    throw e;
  }
  if (!options.labelSelector && fields.length === 0) return () => true;
  return (o) => {
    if (!labels(o.metadata.labels)) return false;
    for (const f of fields) {
      const v = f.get(o) ?? '';
      if (f.op === '=' ? v !== f.value : v === f.value) return false;
    }
    return true;
  };
}
