/** Small formatting helpers shared by the kind printers (pkg/printers/internalversion). */
import type { Json } from './types';

/** labels.FormatLabels: sorted k=v pairs, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** metav1.LabelSelectorAsSelector(...).String(). */
export function formatLabelSelector(selector: Json): string {
  if (!selector) return '<none>';
  const parts: string[] = [];
  const ml = (selector.matchLabels ?? {}) as Record<string, string>;
  const reqs: Array<{ key: string; text: string }> = Object.keys(ml).map((k) => ({ key: k, text: `${k}=${ml[k]}` }));
  for (const e of (selector.matchExpressions ?? []) as Json[]) {
    const values = [...((e.values ?? []) as string[])].sort().join(',');
    const op = String(e.operator);
    if (op === 'In') reqs.push({ key: e.key, text: `${e.key} in (${values})` });
    else if (op === 'NotIn') reqs.push({ key: e.key, text: `${e.key} notin (${values})` });
    else if (op === 'Exists') reqs.push({ key: e.key, text: e.key });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, text: `!${e.key}` });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of reqs) parts.push(r.text);
  return parts.length ? parts.join(',') : '<none>';
}

const MODES: Array<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** helper.GetAccessModesAsString. */
export function accessModes(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return MODES.filter(([m]) => set.has(m))
    .map(([, short]) => short)
    .join(',');
}

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(podSpec: Json): [string, string] {
  const containers = (podSpec?.containers ?? []) as Json[];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
