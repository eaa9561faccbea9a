/**
 * A mounted configMap or secret volume whose contents the kubelet can replace
 * while the container runs. The real kubelet's AtomicWriter writes a fresh
 * timestamped directory and flips the `..data` symlink to it; kubelab has no
 * symlinks, so the whole tree is swapped in one step: a reader sees either the
 * old files or the new ones, never a mix.
 */
import type { FileStat, FileSystem } from '../storage/fs-types';
import { MemoryTree } from '../storage/memory-tree';
import { normalizePath, parentPath } from '../storage/path';

/** A tree holding the files (relative paths) as the volume plugin projects them. */
export function projectedTree(files: ReadonlyArray<readonly [string, string]>, now: () => number): MemoryTree {
  const tree = new MemoryTree(now);
  for (const [path, data] of files) {
    const full = normalizePath(`/${path}`);
    const dir = parentPath(full);
    if (dir !== '/') tree.mkdir(dir, { recursive: true });
    tree.writeFile(full, data);
  }
  return tree;
}

export class ProjectedVolume implements FileSystem {
  private tree: MemoryTree;
  private files: string;

  constructor(
    files: ReadonlyArray<readonly [string, string]>,
    private readonly now: () => number,
  ) {
    this.tree = projectedTree(files, now);
    this.files = JSON.stringify(files);
  }

  /** Swaps in new contents at once; returns false (and keeps the tree and its times) when nothing changed. */
  update(files: ReadonlyArray<readonly [string, string]>): boolean {
    const next = JSON.stringify(files);
    if (next === this.files) return false;
    this.tree = projectedTree(files, this.now);
    this.files = next;
    return true;
  }

  readFile(path: string): string {
    return this.tree.readFile(path);
  }
  writeFile(path: string, data: string): void {
    this.tree.writeFile(path, data);
  }
  appendFile(path: string, data: string): void {
    this.tree.appendFile(path, data);
  }
  readdir(path: string): string[] {
    return this.tree.readdir(path);
  }
  stat(path: string): FileStat {
    return this.tree.stat(path);
  }
  exists(path: string): boolean {
    return this.tree.exists(path);
  }
  mkdir(path: string, options?: { recursive?: boolean }): void {
    this.tree.mkdir(path, options);
  }
  rm(path: string, options?: { recursive?: boolean }): void {
    this.tree.rm(path, options);
  }
  rename(from: string, to: string): void {
    this.tree.rename(from, to);
  }
}
