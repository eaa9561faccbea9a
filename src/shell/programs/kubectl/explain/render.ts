/**
 * kubectl explain's plaintext output: a port of pkg/explain/v2/templates/plaintext.tmpl,
 * template by template ("output", "fieldList", "fieldDetail", "description",
 * "typeGuess", "extractEnum"), over the lab's OpenAPI v3 components.
 */
import { resolveRef, schemaForKind } from './index';
import type { Schema } from './schema';
import { indent, wrapString } from './wrap';

type History = Record<string, true>;

const isObjectSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object';
const mapValue = (s: Schema): Schema | undefined => (isObjectSchema(s.additionalProperties) ? s.additionalProperties : undefined);

function typeGuess(s: Schema): string {
  if (s.items) return `[]${typeGuess(s.items)}`;
  const map = mapValue(s);
  if (map) return `map[string]${typeGuess(map)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0]);
  if (s.$ref) {
    const ref = resolveRef(s.$ref);
    if (!ref || !ref.type || ref.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object';
    return ref.type;
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object';
}

function extractEnum(s: Schema, longView: boolean, limit: number, indentAmount = 0): string {
  if (!s.enum?.length) return '';
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < s.enum.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    const e = s.enum[i];
    out += e === '' ? '""' : String(e);
  }
  return out;
}

function description(s: Schema): string {
  const resolved = resolveRef(s.$ref) ?? s;
  let out = resolved.description ? resolved.description + '\n' : '';
  for (const sub of resolved.allOf ?? []) out += description(sub);
  if (resolved.items) out += description(resolved.items);
  const map = mapValue(resolved);
  if (map) out += description(map);
  return out;
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const field = parent.properties![name];
  let out = `${' '.repeat(indentAmount)}${name}\t<${typeGuess(field)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, indentAmount) + '\n';
  if (!short) out += indent(indentAmount + 2, wrapString(field.description || '<no description>', 78 - indentAmount)) + '\n\n';
  return out;
}

function fieldList(s: Schema, level: number, recursive: boolean, history: History = {}): string {
  const ref = s.$ref ?? '';
  if (ref && history[ref]) return '';
  const next: History = { ...history, [ref]: true };
  const resolved = resolveRef(ref) ?? s;
  let out = '';
  for (const name of Object.keys(resolved.properties ?? {}).sort()) {
    out += fieldDetail(name, resolved, recursive, level);
    if (recursive) out += fieldList(resolved.properties![name], level + 1, recursive, next);
  }
  for (const sub of resolved.allOf ?? []) out += fieldList(sub, level, recursive, next);
  if (resolved.items) out += fieldList(resolved.items, level, recursive, next);
  const map = mapValue(resolved);
  if (map) out += fieldList(map, level, recursive, next);
  return out;
}

function output(s: Schema, path: string[], recursive: boolean, history: History): string {
  const ref = s.$ref ?? '';
  const next: History = { ...history, [ref]: true };
  const resolved = resolveRef(ref) ?? s;
  if (path.length === 0) {
    let out = 'DESCRIPTION:\n' + indent(4, wrapString(description(resolved) || '<empty>', 76)) + '\n';
    const fields = fieldList(resolved, 1, recursive);
    if (fields) out += 'FIELDS:\n' + fields;
    return out;
  }
  if (ref && history[ref]) return '';
  const sub = resolved.properties?.[path[0]];
  if (sub) {
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(sub, path.slice(1), recursive, {});
  }
  if (resolved.items) return output(resolved.items, path, recursive, next);
  const map = mapValue(resolved);
  if (map) return output(map, path, recursive, next);
  for (const alt of resolved.allOf ?? []) {
    const text = output(alt, path, recursive, next);
    if (text) return text;
  }
  return '';
}

export class ExplainError extends Error {}

/** The whole explain text for a kind and field path. */
export function explain(group: string, version: string, kind: string, path: string[], recursive: boolean): string {
  const schema = schemaForKind(group, version, kind);
  if (!schema) throw new ExplainError(`couldn't find resource for "${group ? `${group}/` : ''}${version}, Kind=${kind}"`);
  let out = group ? `GROUP:      ${group}\n` : '';
  out += `KIND:       ${kind}\nVERSION:    ${version}\n\n`;
  const body = output(schema, path, recursive, {});
  if (!body) throw new ExplainError(`field ${JSON.stringify(path[path.length - 1])} does not exist`);
  return out + body + '\n';
}
