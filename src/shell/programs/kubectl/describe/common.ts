/** The helpers every describer shares (describe.go): labels, annotations, tolerations, events, times. */
import type { Json } from '../printers/types';
import { humanDuration } from '../printers/age';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import { MONTHS, WEEKDAYS } from '../../../../cluster/calendar';

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:00:00 +0000`; Go's zero time for a missing one. */
export function rfc1123z(timestamp: unknown): string {
  const ms = typeof timestamp === 'string' && timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince: `<unknown>` for a zero time. */
export function since(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string' || !timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

export const printBool = (v: unknown): string => (v ? 'True' : 'False');
export const stringOrNone = (s: string): string => (s === '' ? '<none>' : s);
export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** printLabelsMultilineWithIndent: first pair on the title line, the rest under the value column. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byString);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/** printAnnotationsMultiline: long or multi-line values go on their own lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort(byString);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** A list of single values, one per line under the value column (taints, pods, …). */
export function printListMultiline(w: PrefixWriter, title: string, items: string[], initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (items.length === 0) {
    w.writeLine('<none>');
    return;
  }
  items.forEach((item, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${item}\n`);
  });
}

/** Toleration text: `key=value:Effect op=Exists for 300s`. */
function tolerationText(t: Json): string {
  let s = str(t.key);
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (typeof t.tolerationSeconds === 'number') s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Json[] | undefined, initialIndent = ''): void {
  const sorted = [...(tolerations ?? [])].sort((a, b) => byString(str(a.key), str(b.key)));
  printListMultiline(w, title, sorted.map(tolerationText), initialIndent);
}

/** Taint.ToString: `key=value:Effect`, sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Json[] | undefined): void {
  const text = (t: Json) => (t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`);
  const sorted = [...(taints ?? [])].sort((a, b) => byString(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  printListMultiline(w, title, sorted.map(text));
}

/** metav1.GetControllerOf → `Kind/name`. */
export function controllerOf(obj: Json): string {
  const ref = ((obj?.metadata?.ownerReferences ?? []) as Json[]).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** DescribeEvents: `Events:\t<none>` or the Type/Reason/Age/From/Message table, sorted by last time. */
export function describeEvents(events: Json[] | undefined, w: PrefixWriter, now: number): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const time = (e: Json) => Date.parse(e.lastTimestamp ?? e.eventTime ?? '') || 0;
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => time(a.e) - time(b.e) || a.i - b.i);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const { e } of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || e.reportingController || '';
    w.write(LEVEL_1, `${str(e.type)}\t${str(e.reason)}\t${interval}\t${source}\t${str(e.message).trim()}\n`);
  }
}
