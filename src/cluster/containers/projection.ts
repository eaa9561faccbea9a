/**
 * What a configMap or secret volume holds, as the kubelet's volume plugins
 * compute it (pkg/volume/configmap and pkg/volume/secret, SetUpAt and
 * makePayload): every key, or only the listed items. A missing object or key
 * fails the mount with the plugin's own error text, unless the volume is
 * optional (then the object counts as empty and missing keys are skipped).
 */
import type { KubeObject } from '../api/types';
import type { Obj } from '../controllers/runtime/resources';
import { base64Decode } from './base64-decode';

export interface ProjectionSource {
  kind: 'configmap' | 'secret';
  name: string;
  optional: boolean;
  items?: Obj[];
}

/** The files of the volume (relative paths, in key order), or why SetUp fails. */
export type Projection = { ok: true; files: Array<[string, string]> } | { ok: false; message: string };

/** The ConfigMap or Secret a pod volume projects, or undefined for other volume types. */
export function projectionSource(vol: Obj): ProjectionSource | undefined {
  if (vol?.configMap) return { kind: 'configmap', name: vol.configMap.name ?? '', optional: vol.configMap.optional === true, items: vol.configMap.items };
  if (vol?.secret) return { kind: 'secret', name: vol.secret.secretName ?? '', optional: vol.secret.optional === true, items: vol.secret.items };
  return undefined;
}

/** The watch-based object cache's NotFound uses the singular resource: `configmap "x" not found`. */
export function notFoundMessage(kind: 'configmap' | 'secret', name: string): string {
  return `${kind} "${name}" not found`;
}

/** Keys as the container sees them: ConfigMap data and binaryData, Secret data base64-decoded. */
function keyValues(kind: 'configmap' | 'secret', obj: KubeObject | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const o = obj as Obj;
  if (kind === 'configmap') {
    for (const [k, v] of Object.entries(o?.data ?? {})) out.set(k, String(v));
    for (const [k, v] of Object.entries(o?.binaryData ?? {})) if (!out.has(k)) out.set(k, base64Decode(String(v)));
  } else {
    for (const [k, v] of Object.entries(o?.data ?? {})) out.set(k, base64Decode(String(v)));
  }
  return out;
}

/** The volume's payload given its source object as fetched (undefined: not found). */
export function project(source: ProjectionSource, obj: KubeObject | undefined): Projection {
  if (!obj && !source.optional) return { ok: false, message: notFoundMessage(source.kind, source.name) };
  const values = keyValues(source.kind, obj);
  if (!source.items?.length) return { ok: true, files: [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  const files: Array<[string, string]> = [];
  for (const item of source.items) {
    const value = values.get(item.key);
    if (value === undefined) {
      if (source.optional) continue;
      const message = source.kind === 'configmap' ? `configmap references non-existent config key: ${item.key}` : `references non-existent secret key: ${item.key}`;
      return { ok: false, message };
    }
    files.push([item.path ?? item.key, value]);
  }
  return { ok: true, files };
}
