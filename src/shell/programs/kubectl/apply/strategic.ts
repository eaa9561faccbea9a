/**
 * Strategic merge patches as kubectl apply computes them
 * (apimachinery strategicpatch CreateThreeWayMergePatch), with the merge keys
 * of the core types' lists, plus applying such a patch and turning the
 * result into a JSON merge patch the server can take as-is.
 */
type J = Record<string, unknown>;

const isMap = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortDeep(a)) === JSON.stringify(sortDeep(b));
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isMap(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep(v[k])]));
  return v;
}

const NAME_KEYED = new Set(['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'env', 'imagePullSecrets', 'volumeClaimTemplates_none']);

/** The patchMergeKey of a list field, judged by its name and its items. */
export function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (!items.every(isMap)) return undefined;
  if (NAME_KEYED.has(field)) return 'name';
  if (field === 'volumeMounts') return 'mountPath';
  if (field === 'volumeDevices') return 'devicePath';
  if (field === 'ownerReferences') return 'uid';
  if (field === 'conditions') return 'type';
  if (field === 'hostAliases') return 'ip';
  if (field === 'topologySpreadConstraints') return 'topologyKey';
  if (field === 'ports') {
    if (items.some((i) => 'containerPort' in (i as J))) return 'containerPort';
    return 'port';
  }
  return undefined;
}

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
}

function diffMaps(from: J, to: J, o: DiffOptions): J {
  const patch: J = {};
  for (const key of Object.keys(to)) {
    const a = from[key];
    const b = to[key];
    if (!(key in from)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = clone(b);
      continue;
    }
    if (isMap(a) && isMap(b)) {
      const sub = diffMaps(a, b, o);
      if (Object.keys(sub).length) patch[key] = sub;
      continue;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const mk = mergeKeyFor(key, [...a, ...b]);
      if (mk) {
        const sub = diffLists(a as J[], b as J[], mk, key, o);
        if (sub.length) patch[key] = sub;
        continue;
      }
    }
    if (!deepEqual(a, b) && !o.ignoreChangesAndAdditions) patch[key] = clone(b);
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}

function diffLists(from: J[], to: J[], mk: string, field: string, o: DiffOptions): J[] {
  const out: J[] = [];
  for (const b of to) {
    const a = from.find((x) => deepEqual(x[mk], b[mk]));
    if (!a) {
      if (!o.ignoreChangesAndAdditions) out.push(clone(b));
      continue;
    }
    const sub = diffMaps(a, b, o);
    if (Object.keys(sub).length) out.push({ [mk]: b[mk], ...sub });
  }
  if (!o.ignoreDeletions) {
    for (const a of from) if (!to.some((b) => deepEqual(a[mk], b[mk]))) out.push({ [mk]: a[mk], $patch: 'delete' });
  }
  void field;
  return out;
}

function mergePatches(a: J, b: J): J {
  const out: J = clone(a);
  for (const [k, v] of Object.entries(b)) {
    if (isMap(v) && isMap(out[k])) out[k] = mergePatches(out[k] as J, v);
    else if (Array.isArray(v) && Array.isArray(out[k])) out[k] = [...(out[k] as unknown[]), ...v];
    else out[k] = clone(v);
  }
  return out;
}

/** CreateThreeWayMergePatch(original, modified, current): `{}` means nothing to change. */
export function threeWayPatch(original: J | null, modified: J, current: J): J {
  const delta = diffMaps(current, modified, { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = original ? diffMaps(original, modified, { ignoreDeletions: false, ignoreChangesAndAdditions: true }) : {};
  return mergePatches(deletions, delta);
}

/** Applies a strategic patch to a copy of target. */
export function applyStrategic(target: J, patch: J): J {
  const out = clone(target);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isMap(value) && isMap(out[key])) {
      out[key] = applyStrategic(out[key] as J, value);
    } else if (Array.isArray(value) && Array.isArray(out[key])) {
      const mk = mergeKeyFor(key, [...(out[key] as unknown[]), ...value]);
      out[key] = mk ? applyList(out[key] as J[], value as J[], mk) : clone(value);
    } else {
      out[key] = stripDirectives(clone(value));
    }
  }
  return out;
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isMap(x) && x.$patch === 'delete')).map(stripDirectives);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).filter(([k, x]) => !k.startsWith('$') && x !== null).map(([k, x]) => [k, stripDirectives(x)]));
  return v;
}

function applyList(list: J[], patch: J[], mk: string): J[] {
  let out = list.map(clone);
  for (const p of patch) {
    if (p.$patch === 'delete') {
      out = out.filter((x) => !deepEqual(x[mk], p[mk]));
      continue;
    }
    const i = out.findIndex((x) => deepEqual(x[mk], p[mk]));
    if (i >= 0) out[i] = applyStrategic(out[i], p);
    else out.push(stripDirectives(clone(p)) as J);
  }
  return out;
}

/** RFC 7386 merge patch taking `from` to `to` (lists replaced whole). */
export function mergePatchBetween(from: J, to: J): J {
  const patch: J = {};
  for (const key of Object.keys(to)) {
    const a = from[key];
    const b = to[key];
    if (isMap(a) && isMap(b)) {
      const sub = mergePatchBetween(a, b);
      if (Object.keys(sub).length) patch[key] = sub;
    } else if (!(key in from) || !deepEqual(a, b)) patch[key] = clone(b);
  }
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}
