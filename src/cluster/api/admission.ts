/** The decode → default → validate steps every write passes, shared by create, update and patch. */
import { badRequest, invalid, type StatusCause } from './errors';
import type { ResourceInfo, KubeObject } from './types';
import { KIND_SCHEMAS } from './schema/kinds-schema';
import { pruneUnknown, unknownFields } from './schema/schema-types';
import { forbidden, invalidValue, nameErrors, required } from './registry/field-errors';
import type { Strategy } from './registry/types';
import { labelValueErrors, qualifiedNameErrors } from './selectors';
import type { WriteOptions } from '../client/types';
import { isPlainObject } from './object-utils';

/** Strict decoding fails on unknown fields; otherwise they are dropped, as the decoder does. */
export function decode(info: ResourceInfo, obj: KubeObject, options: WriteOptions | undefined): void {
  const schema = KIND_SCHEMAS[info.kind];
  if (!schema) return;
  if (options?.fieldValidation === 'Strict') {
    const unknown = unknownFields(obj, schema);
    if (unknown.length) {
      const fields = unknown.map((f) => `unknown field "${f}"`).join(', ');
      throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${fields}`);
    }
  }
  pruneUnknown(obj, schema);
}

function validateLabels(labels: unknown, path: string): StatusCause[] {
  if (!isPlainObject(labels)) return [];
  const errs: StatusCause[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const m of qualifiedNameErrors(k)) errs.push(invalidValue(path, k, m));
    for (const m of labelValueErrors(String(v))) errs.push(invalidValue(path, v, m));
  }
  return errs;
}

/** ValidateObjectMeta: name rule of the kind, label syntax. */
export function validateMeta(strategy: Strategy, obj: KubeObject): StatusCause[] {
  const errs: StatusCause[] = [];
  const name = obj.metadata.name;
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else for (const m of nameErrors(strategy.nameRule, name)) errs.push(invalidValue('metadata.name', name, m));
  errs.push(...validateLabels(obj.metadata.labels, 'metadata.labels'));
  return errs;
}

export function validateMetaUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  const errs = validateLabels(obj.metadata.labels, 'metadata.labels');
  if (old.metadata.deletionTimestamp) {
    const added = (obj.metadata.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
    if (added.length)
      errs.push(
        forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`),
      );
  }
  return errs;
}

export function throwIfInvalid(info: ResourceInfo, name: string, causes: StatusCause[]): void {
  if (causes.length) throw invalid(info.kind, info.group, name, causes);
}
