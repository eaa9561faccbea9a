/** kubectl taint's arguments and the new taint list (pkg/cmd/taint/utils.go). */
import { labelValueErrors, qualifiedNameErrors } from '../../../../cluster/api/selectors';
import { KubectlError } from '../cli/errors';

export interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

export type TaintOperation = 'tainted' | 'untainted' | 'modified';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taint.ToString. */
export function taintText(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new KubectlError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new KubectlError(`invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = labelValueErrors(value);
      if (errs.length) throw new KubectlError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else throw new KubectlError(`invalid taint spec: ${spec}`);
  const errs = qualifiedNameErrors(key);
  if (errs.length) throw new KubectlError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  return { key, ...(value ? { value } : {}), ...(effect ? { effect } : {}) };
}

/** parseTaints: `k=v:Effect` to add, `k:Effect-` or `k-` to remove. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new KubectlError(`invalid taint spec: ${spec}`);
    // Go's %v of a corev1.Taint: {Key Value Effect TimeAdded}.
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) throw new KubectlError(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    add.push(t);
  }
  return { add, remove };
}

const matches = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** reorganizeTaints: the added taints first, then the node's others; removals last, each reporting when absent. */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { operation: TaintOperation; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matches(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matches(r, t) : t.key !== r.key));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintText(r))} not found`);
  }
  const operation: TaintOperation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}
