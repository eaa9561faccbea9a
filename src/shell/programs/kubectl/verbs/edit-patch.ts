/** jsonpatch.CreateMergePatch (RFC 7386): what changed between two JSON documents. */
import { deepEqual } from '../../../../cluster/api/object-utils';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Removed keys become null, changed objects recurse, anything else is replaced whole. */
export function createMergePatch(original: unknown, edited: unknown): unknown {
  if (!isObject(original) || !isObject(edited)) return edited;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(original)) if (!(key in edited)) patch[key] = null;
  for (const [key, value] of Object.entries(edited)) {
    const before = original[key];
    if (isObject(before) && isObject(value)) {
      const sub = createMergePatch(before, value);
      if (!isEmptyPatch(sub)) patch[key] = sub;
    } else if (!deepEqual(before, value)) {
      patch[key] = value;
    }
  }
  return patch;
}

export function isEmptyPatch(patch: unknown): boolean {
  return isObject(patch) && Object.keys(patch).length === 0;
}
