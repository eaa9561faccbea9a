/**
 * ControllerRevisions for StatefulSets (stateful_set_utils.go getPatch /
 * newRevision / ApplyRevision and controller_history.go): the stored patch,
 * its FNV-1 hash rendered by rand.SafeEncodeString, names `<set>-<hash>`.
 */
import type { KubeObject } from '../../api/types';
import { deepClone, deepEqual } from '../../api/object-utils';
import type { Obj } from '../runtime/resources';
import { controllerRefFor } from './stateful-set-utils';

export const HASH_LABEL = 'controller.kubernetes.io/hash';

/** Go's encoding/json for a decoded JSON value: sorted map keys, HTML-safe escapes. */
export function goJSON(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    let out = '"';
    for (const ch of value) {
      const c = ch.codePointAt(0)!;
      if (ch === '"') out += '\\"';
      else if (ch === '\\') out += '\\\\';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else out += ch;
    }
    return `${out}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goJSON).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${goJSON(k)}:${goJSON(obj[k])}`).join(',')}}`;
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

/** hash/fnv New32 (FNV-1, not 1a): multiply, then xor. */
export function fnv32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of utf8(text)) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h;
}

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** apimachinery rand.SafeEncodeString: each byte mapped into the vowel-free alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const b of utf8(s)) out += SAFE_ALPHABET[b % SAFE_ALPHABET.length];
  return out;
}

/** getPatch: the template, to be applied with `$patch: replace`. */
export function getPatch(set: KubeObject): Obj {
  const template = deepClone((set.spec as Obj).template ?? {});
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

export function hashRevision(data: Obj, collisionCount: number | undefined): string {
  let h = fnv32(goJSON(data));
  if (collisionCount !== undefined) h = fnv32(String(collisionCount), h);
  return safeEncodeString(String(h));
}

export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

export function newRevision(set: KubeObject, revision: number, collisionCount: number): KubeObject {
  const data = getPatch(set);
  const hash = hashRevision(data, collisionCount);
  const labels = { ...(((set.spec as Obj).template?.metadata?.labels ?? {}) as Record<string, string>), [HASH_LABEL]: hash };
  const meta: Obj = { name: controllerRevisionName(set.metadata.name!, hash), namespace: set.metadata.namespace, labels, ownerReferences: [controllerRefFor(set)] };
  if (set.metadata.annotations) meta.annotations = { ...set.metadata.annotations };
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: meta, data, revision };
}

/** ApplyRevision: the set with the revision's template. */
export function applyRevision(set: KubeObject, revision: KubeObject): KubeObject {
  const clone = deepClone(set);
  const template = deepClone(((revision.data as Obj)?.spec?.template ?? {}) as Obj);
  delete template.$patch;
  (clone.spec as Obj).template = template;
  return clone;
}

export function equalRevision(a: KubeObject, b: KubeObject): boolean {
  return deepEqual(a.data, b.data);
}

export function sortRevisions(revisions: KubeObject[]): KubeObject[] {
  return [...revisions].sort((a, b) => (a.revision as number) - (b.revision as number) || String(a.metadata.name).localeCompare(String(b.metadata.name)));
}

export function nextRevision(sorted: KubeObject[]): number {
  return sorted.length ? (sorted[sorted.length - 1].revision as number) + 1 : 1;
}
