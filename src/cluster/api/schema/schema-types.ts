/**
 * Compact field-name trees for strict decoding: 1 = any value (scalar or a
 * subtree we do not check), 'map' = free-form keys, an object = known fields,
 * [object] = a list of such objects.
 */
export type SchemaNode = 1 | 'map' | FieldSchema | [FieldSchema];
export interface FieldSchema {
  [field: string]: SchemaNode;
}

/** Unknown field paths in kube's strict-decoding form: `spec.containers[0].foo`. */
export function unknownFields(value: unknown, schema: FieldSchema, path = ''): string[] {
  const out: string[] = [];
  walk(value, schema, path, out);
  return out;
}

function walk(value: unknown, schema: FieldSchema, path: string, out: string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const node = schema[key];
    const p = path ? `${path}.${key}` : key;
    if (node === undefined) {
      out.push(p);
      continue;
    }
    if (node === 1 || node === 'map') continue;
    if (Array.isArray(node)) {
      if (Array.isArray(child)) child.forEach((item, i) => walk(item, node[0], `${p}[${i}]`, out));
      continue;
    }
    walk(child, node, p, out);
  }
}

/** Drops unknown fields in place, as the non-strict decoder does. */
export function pruneUnknown(value: unknown, schema: FieldSchema): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const node = schema[key];
    if (node === undefined) delete obj[key];
    else if (Array.isArray(node)) {
      const list = obj[key];
      if (Array.isArray(list)) for (const item of list) pruneUnknown(item, node[0]);
    } else if (node !== 1 && node !== 'map') pruneUnknown(obj[key], node);
  }
}
