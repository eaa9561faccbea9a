/** The three patch types kubectl sends: JSON patch (RFC 6902), JSON merge patch (RFC 7386), strategic merge. */
import * as jsonPatchModule from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import type { PatchType } from '../client/types';
import { badRequest } from './errors';
import { deepClone, isPlainObject } from './object-utils';
import { strategicMerge } from './strategic-merge';

// fast-json-patch is CommonJS for Node (named exports sit on `default`) and ESM for bundlers.
type JsonPatchModule = typeof jsonPatchModule;
const jsonPatchLib: JsonPatchModule =
  (jsonPatchModule as JsonPatchModule & { default?: JsonPatchModule }).default ?? jsonPatchModule;

/** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? deepClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const doc = deepClone(target);
  try {
    return jsonPatchLib.applyPatch(doc, ops as Operation[], true, true).newDocument;
  } catch (e) {
    const err = e as { name?: string; operation?: Operation; message?: string };
    const op = err.operation;
    if (op && (op.op === 'remove' || op.op === 'replace'))
      throw badRequest(`jsonpatch ${op.op} operation does not apply: doc is missing path: "${op.path}"`);
    if (op && op.op === 'test') throw badRequest(`testing value ${op.path} failed: test failed`);
    throw badRequest(String(err.message ?? e).split('\n')[0]);
  }
}

export function applyPatchOfType(target: unknown, type: PatchType, patch: unknown): unknown {
  let p = patch;
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      throw badRequest(`error decoding patch: invalid character in patch`);
    }
  }
  switch (type) {
    case 'json':
      return jsonPatch(target, p);
    case 'merge':
      return mergePatch(target, p);
    case 'strategic':
      return strategicMerge(target, p);
  }
}
