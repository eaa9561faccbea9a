/**
 * Strategic merge patch for the built-in kinds kubelab serves: lists with a
 * patch merge key (containers by name, volumeMounts by mountPath, …) merge
 * element-wise, other lists are replaced; `$patch: replace|delete|merge`,
 * `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>` and `$retainKeys` directives.
 */
import { deepClone, isPlainObject } from './object-utils';

type Json = Record<string, unknown>;

const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  env: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
  addresses: 'type',
  resourceClaims: 'name',
  topologySpreadConstraints: 'topologyKey',
};

/** Lists of scalars merged as sets. */
const PRIMITIVE_MERGE = new Set(['finalizers']);

/** The merge key of list `field` under `parent` (the field names from the root), if it merges. */
export function mergeKeyFor(parent: string[], field: string): string | undefined {
  if (field === 'ports') {
    const owner = parent[parent.length - 1];
    return owner === 'containers' || owner === 'initContainers' || owner === 'ephemeralContainers' ? 'containerPort' : 'port';
  }
  return MERGE_KEYS[field];
}

export function strategicMerge(original: unknown, patch: unknown): unknown {
  return mergeValue(deepClone(original), patch, []);
}

function mergeValue(orig: unknown, patch: unknown, path: string[]): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  if (!isPlainObject(orig)) orig = {};
  return mergeMap(orig as Json, patch, path);
}

function mergeMap(orig: Json, patch: Json, path: string[]): Json | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const out = deepClone(patch);
    delete out.$patch;
    return stripDirectives(out);
  }
  const result: Json = orig;
  const orders: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith('$setElementOrder/')) {
      orders[key.slice('$setElementOrder/'.length)] = Array.isArray(value) ? value : [];
      continue;
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const cur = result[field];
      if (Array.isArray(cur) && Array.isArray(value)) result[field] = cur.filter((v) => !value.includes(v));
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const childPath = [...path, key];
    if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, path, key);
    } else if (isPlainObject(value)) {
      const merged = mergeMap(isPlainObject(result[key]) ? (result[key] as Json) : {}, value, childPath);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else {
      result[key] = value;
    }
  }
  for (const [field, order] of Object.entries(orders)) {
    if (Array.isArray(result[field])) result[field] = applyOrder(result[field] as unknown[], order, mergeKeyFor(path, field));
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const k of Object.keys(result)) if (!keep.has(k)) delete result[k];
  }
  return result;
}

function mergeList(orig: unknown, patch: unknown[], parent: string[], field: string): unknown[] {
  const cur = Array.isArray(orig) ? orig : [];
  if (PRIMITIVE_MERGE.has(field)) {
    const out = [...cur];
    for (const v of patch) if (!out.includes(v)) out.push(v);
    return out;
  }
  const key = mergeKeyFor(parent, field);
  if (!key) return patch.map((v) => stripDirectives(deepClone(v)));
  if (patch.some((p) => isPlainObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isPlainObject(p) && p.$patch === 'replace')).map((v) => stripDirectives(deepClone(v)));
  }
  const out: unknown[] = cur.map((v) => v);
  const childPath = [...parent, field];
  for (const item of patch) {
    if (!isPlainObject(item)) continue;
    const idx = out.findIndex((o) => isPlainObject(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = mergeMap(out[idx] as Json, item, childPath);
    else out.push(stripDirectives(deepClone(item)));
  }
  return out;
}

function applyOrder(list: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const keyOf = (v: unknown) => (key && isPlainObject(v) ? v[key] : v);
  const wanted = order.map((o) => (key && isPlainObject(o) ? o[key] : o));
  const ordered: unknown[] = [];
  for (const w of wanted) {
    const found = list.find((v) => keyOf(v) === w);
    if (found !== undefined && !ordered.includes(found)) ordered.push(found);
  }
  for (const v of list) if (!ordered.includes(v)) ordered.push(v);
  return ordered;
}

function stripDirectives<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripDirectives) as T;
  if (!isPlainObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue;
    if (v === null) continue;
    out[k] = stripDirectives(v);
  }
  return out as T;
}
