/**
 * How a saved lab is laid out in storage: one record per API object plus one
 * meta record, each a JSON body with its format version and a checksum.
 * Reading checks the checksum, migrates older versions, and turns the records
 * back into a ClusterSnapshot; what cannot be read is reported and skipped.
 */
import type { KubeObject } from '../../cluster/api/types';
import { SNAPSHOT_VERSION, type ClusterSnapshot, type SavedObject } from '../../cluster/snapshot';
import { fnv1a } from './checksum';
import { HOME_KEY, validHome } from './home-files';
import { RUNTIME_KEY, validRuntime } from './runtime-record';
import type { RuntimeState } from '../../cluster/containers/runtime-state';

export const RECORD_VERSION = 1;
export const META_KEY = 'meta';

export interface StoredRecord {
  version: number;
  checksum: string;
  json: string;
}

export interface MetaBody {
  savedAt: number;
  resourceVersion: string;
  random: number;
  clockTime: number;
  /** The saved lab's volume folder (OPFS). */
  volumes?: string;
  /** The lesson the lab was made for (a lesson lab resumes only for its own lesson). */
  lesson?: string;
}

export const objectKey = (resource: string, namespace: string, name: string) => `obj/${resource}/${namespace}/${name}`;

export function encode(body: unknown): StoredRecord {
  const json = JSON.stringify(body);
  return { version: RECORD_VERSION, checksum: fnv1a(json), json };
}

type Migration = (body: Record<string, unknown>, key: string) => Record<string, unknown>;

/**
 * Each entry lifts a body from version N to N+1. Version 0 (the first
 * prototype) kept no namespace beside the object and no clock time in meta.
 */
export const migrations: Record<number, Migration> = {
  0: (body, key) => {
    if (key === META_KEY) return { ...body, clockTime: body.clockTime ?? body.savedAt };
    const object = body.object as KubeObject;
    return { ...body, namespace: body.namespace ?? object?.metadata?.namespace ?? '' };
  },
};

export type Decoded = { ok: true; body: Record<string, unknown> } | { ok: false; problem: string };

/** One record's body at the current version, or why it cannot be read. */
export function decode(key: string, record: StoredRecord | undefined): Decoded {
  if (!record || typeof record.json !== 'string' || typeof record.version !== 'number') return { ok: false, problem: `${key}: damaged (not a kubelab record)` };
  if (fnv1a(record.json) !== record.checksum) return { ok: false, problem: `${key}: damaged (checksum mismatch)` };
  if (record.version > RECORD_VERSION) return { ok: false, problem: `${key}: saved by a newer kubelab (version ${record.version})` };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(record.json) as Record<string, unknown>;
  } catch {
    return { ok: false, problem: `${key}: damaged (invalid JSON)` };
  }
  for (let v = record.version; v < RECORD_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate) return { ok: false, problem: `${key}: no migration from version ${v}` };
    body = migrate(body, key);
  }
  return { ok: true, body };
}

export interface Recovered {
  snapshot: ClusterSnapshot | undefined;
  /** Records that could not be read (skipped), one line each. */
  problems: string[];
  /** Keys of those records, to remove. */
  damagedKeys: string[];
  /** The volume folder named by the meta record. */
  volumes?: string;
  /** The lesson named by the meta record. */
  lesson?: string;
  /** The learner's home directory files (relative path → content), when saved. */
  home?: Record<string, string>;
}

/** Rebuilds the snapshot from all records; a missing or damaged meta is rebuilt from the objects. */
export function recover(records: Map<string, StoredRecord>, fallback: { now: number; random: number }): Recovered {
  const problems: string[] = [];
  const damagedKeys: string[] = [];
  const objects: SavedObject[] = [];
  let meta: MetaBody | undefined;
  let home: Record<string, string> | undefined;
  let runtime: RuntimeState | undefined;
  for (const [key, record] of [...records].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const decoded = decode(key, record);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      damagedKeys.push(key);
      continue;
    }
    if (key === META_KEY) meta = decoded.body as unknown as MetaBody;
    else if (key === HOME_KEY && validHome(decoded.body)) home = decoded.body.files;
    else if (key === RUNTIME_KEY && validRuntime(decoded.body)) runtime = { containers: decoded.body.containers, emptyDirs: decoded.body.emptyDirs };
    else if (validObject(decoded.body)) objects.push(decoded.body);
    else {
      problems.push(`${key}: damaged (not an API object)`);
      damagedKeys.push(key);
    }
  }
  if (!objects.length) return { snapshot: undefined, problems, damagedKeys };
  const maxRV = Math.max(...objects.map((o) => Number(o.object.metadata.resourceVersion) || 0));
  const m: MetaBody = meta ?? { savedAt: fallback.now, resourceVersion: String(maxRV), random: fallback.random, clockTime: fallback.now };
  return {
    snapshot: {
      version: SNAPSHOT_VERSION,
      savedAt: m.savedAt,
      resourceVersion: String(Math.max(maxRV, Number(m.resourceVersion) || 0)),
      objects,
      random: m.random,
      clockTime: m.clockTime,
      runtime,
    },
    problems,
    damagedKeys,
    volumes: meta?.volumes,
    lesson: typeof meta?.lesson === 'string' ? meta.lesson : undefined,
    home,
  };
}

function validObject(body: Record<string, unknown>): body is SavedObject & Record<string, unknown> {
  const object = body.object as KubeObject | undefined;
  return typeof body.resource === 'string' && typeof body.namespace === 'string' && typeof object?.metadata?.name === 'string';
}
