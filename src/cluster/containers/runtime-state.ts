/**
 * What a container runtime keeps only in memory, in a JSON-safe form: each
 * container's writable layer (what differs from the fresh image tree), its
 * logs, and the pods' emptyDir trees. A browser reload is not a container
 * restart, so a restored lab gets all of it back.
 *
 * File contents are the tree's own JS strings, stored as they are: JSON.stringify
 * (well-formed since ES2019) escapes NULs and even lone surrogates, and JSON.parse
 * and structured clone give the same string back, so no base64 is needed.
 */
import type { MemoryTree, TreeEntry } from '../storage/memory-tree';
import { parentPath } from '../storage/path';

export type { TreeEntry } from '../storage/memory-tree';

/** A changed/added node (with its contents, mode and mtime), or a path the container removed. */
export type LayerEntry = TreeEntry | { path: string; type: 'removed' };

export interface SavedContainer {
  namespace: string;
  podName: string;
  podUID: string;
  name: string;
  image: string;
  podIP: string;
  /** The environment as the process got it at start (Service links are fixed then). */
  env: Record<string, string>;
  running: boolean;
  /** Simulated time the container's layer was created: the fresh tree's mtimes. */
  startedAt: number;
  /** The writable layer, as changes to the fresh image tree (parents before children). */
  layer: LayerEntry[];
  /** stdout/stderr lines, oldest first (already capped, see MAX_LOG_BYTES). */
  logs: string[];
}

export interface SavedEmptyDir {
  podUID: string;
  /** The pod's volume name (emptyDir, or hostPath which kubelab keeps per pod). */
  volume: string;
  /** The whole tree, '/' first. */
  entries: TreeEntry[];
}

export interface RuntimeState {
  containers: SavedContainer[];
  emptyDirs: SavedEmptyDir[];
}

/** The nodes of `current` that differ from `fresh`, and the topmost paths it no longer has. */
export function layerDiff(fresh: MemoryTree, current: MemoryTree): LayerEntry[] {
  const before = new Map(fresh.entries().map((e) => [e.path, e] as const));
  const now = current.entries();
  const present = new Set(now.map((e) => e.path));
  const out: LayerEntry[] = [];
  for (const path of before.keys()) {
    if (path !== '/' && !present.has(path) && present.has(parentPath(path))) out.push({ path, type: 'removed' });
  }
  for (const e of now) {
    const b = before.get(e.path);
    const same = b && b.type === e.type && b.mode === e.mode && b.mtimeMs === e.mtimeMs && (b.type !== 'file' || b.data === (e as { data: string }).data);
    if (!same) out.push(e);
  }
  return out;
}

/** Replays saved entries onto a tree: removals, then nodes in order, then their saved times and modes. */
export function applyEntries(tree: MemoryTree, entries: readonly LayerEntry[]): void {
  for (const e of entries) if (e.type === 'removed' && tree.exists(e.path)) tree.rm(e.path, { recursive: true });
  for (const e of entries) {
    if (e.type === 'removed') continue;
    if (e.path !== '/' && tree.exists(e.path) && tree.stat(e.path).type !== e.type) tree.rm(e.path, { recursive: true });
    if (e.type === 'file') tree.writeFile(e.path, e.data);
    else tree.mkdir(e.path, { recursive: true });
  }
  for (const e of entries) if (e.type !== 'removed') tree.setMeta(e.path, e);
}
