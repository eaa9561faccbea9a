/**
 * Strategic merge patches as kubectl apply computes them
 * (apimachinery strategicpatch CreateThreeWayMergePatch), with the merge keys
 * of the core types' lists; the API server applies them (cluster/api/strategic-merge.ts).
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
