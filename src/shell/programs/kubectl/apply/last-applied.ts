/** The kubectl.kubernetes.io/last-applied-configuration annotation (util.GetModifiedConfiguration). */
import type { KubeObject } from '../../../../cluster/api/types';
import { toCompactJson } from '../output/json';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * Go's json.Marshal of the object without the annotation, plus the newline kubectl appends.
 * GetModifiedConfiguration sets the annotations back as a non-nil map, so an object without
 * annotations records `"annotations":{}`.
 */
export function lastAppliedValue(obj: KubeObject): string {
  const copy = clone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return toCompactJson(copy) + '\n';
}

/** A copy of obj carrying its own last-applied annotation. */
export function lastAppliedAnnotation(obj: KubeObject): KubeObject {
  const value = lastAppliedValue(obj);
  const copy = clone(obj);
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: value };
  return copy;
}
