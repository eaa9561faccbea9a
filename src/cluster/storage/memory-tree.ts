import { FsError, type FileStat, type FileSystem } from './fs-types';
import { utf8Length } from './utf8';

interface FileNode {
  type: 'file';
  data: string;
  mtimeMs: number;
  mode: number;
}

interface DirNode {
  type: 'dir';
  children: Map<string, Node>;
  mtimeMs: number;
  mode: number;
}

type Node = FileNode | DirNode;

/** One node as `entries()` lists it (a saved container layer or emptyDir). */
export type TreeEntry = { path: string; type: 'file'; data: string; mtimeMs: number; mode: number } | { path: string; type: 'dir'; mtimeMs: number; mode: number };

/** A file tree kept in memory (volumes, container layers); errors carry errno codes like a real kernel. */
export class MemoryTree implements FileSystem {
  private root: DirNode;

  /** `onChange` runs after every write (not on reads): a cheap "something to save" signal. */
  constructor(
    private now: () => number,
    private readonly onChange?: () => void,
  ) {
    this.root = { type: 'dir', children: new Map(), mtimeMs: now(), mode: 0o755 };
  }

  readFile(path: string): string {
    const node = this.lookup(path);
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    return node.data;
  }

  writeFile(path: string, data: string): void {
    this.write(path, data, false);
  }

  appendFile(path: string, data: string): void {
    this.write(path, data, true);
  }

  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...node.children.keys()].sort(compareNames);
  }

  stat(path: string): FileStat {
    const node = this.lookup(path);
    const size = node.type === 'file' ? utf8Length(node.data) : 4096;
    return { type: node.type, size, mtimeMs: node.mtimeMs, mode: node.mode };
  }

  exists(path: string): boolean {
    try {
      this.lookup(path);
      return true;
    } catch {
      return false;
    }
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    const parts = split(path);
    let dir = this.root;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      const last = i === parts.length - 1;
      const child = dir.children.get(name);
      if (child) {
        if (child.type !== 'dir') throw new FsError(last ? 'EEXIST' : 'ENOTDIR', path);
        if (last && !options?.recursive) throw new FsError('EEXIST', path);
        dir = child;
        continue;
      }
      if (!last && !options?.recursive) throw new FsError('ENOENT', path);
      const created: DirNode = { type: 'dir', children: new Map(), mtimeMs: this.now(), mode: 0o755 };
      dir.children.set(name, created);
      dir.mtimeMs = this.now();
      this.onChange?.();
      dir = created;
    }
    if (parts.length === 0 && !options?.recursive) throw new FsError('EEXIST', path);
  }

  rm(path: string, options?: { recursive?: boolean }): void {
    const { parent, name } = this.parentOf(path);
    const node = parent.children.get(name);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type === 'dir' && node.children.size > 0 && !options?.recursive) throw new FsError('ENOTEMPTY', path);
    parent.children.delete(name);
    parent.mtimeMs = this.now();
    this.onChange?.();
  }

  rename(from: string, to: string): void {
    const src = this.parentOf(from);
    const node = src.parent.children.get(src.name);
    if (!node) throw new FsError('ENOENT', from);
    const dst = this.parentOf(to);
    const existing = dst.parent.children.get(dst.name);
    if (existing?.type === 'dir' && node.type !== 'dir') throw new FsError('EISDIR', to);
    if (existing && existing.type !== 'dir' && node.type === 'dir') throw new FsError('ENOTDIR', to);
    if (existing?.type === 'dir' && existing.children.size > 0) throw new FsError('ENOTEMPTY', to);
    if (node.type === 'dir' && (to === from || to.startsWith(from + '/'))) throw new FsError('EINVAL', to);
    src.parent.children.delete(src.name);
    dst.parent.children.set(dst.name, node);
    src.parent.mtimeMs = dst.parent.mtimeMs = this.now();
    this.onChange?.();
  }

  /** Every node, parents before children ('/' first), as saved state keeps them. */
  entries(): TreeEntry[] {
    const out: TreeEntry[] = [];
    const walk = (path: string, node: Node): void => {
      if (node.type === 'file') {
        out.push({ path, type: 'file', data: node.data, mtimeMs: node.mtimeMs, mode: node.mode });
        return;
      }
      out.push({ path, type: 'dir', mtimeMs: node.mtimeMs, mode: node.mode });
      for (const name of [...node.children.keys()].sort(compareNames)) walk(path === '/' ? `/${name}` : `${path}/${name}`, node.children.get(name)!);
    };
    walk('/', this.root);
    return out;
  }

  /** Sets a node's time and mode as saved (restoring state; no parent is touched). */
  setMeta(path: string, meta: { mtimeMs: number; mode: number }): void {
    const node = this.lookup(path);
    node.mtimeMs = meta.mtimeMs;
    node.mode = meta.mode;
    this.onChange?.();
  }

  private write(path: string, data: string, append: boolean): void {
    const { parent, name } = this.parentOf(path);
    const node = parent.children.get(name);
    if (node?.type === 'dir') throw new FsError('EISDIR', path);
    if (node) {
      node.data = append ? node.data + data : data;
      node.mtimeMs = this.now();
    } else {
      parent.children.set(name, { type: 'file', data, mtimeMs: this.now(), mode: 0o644 });
      parent.mtimeMs = this.now();
    }
    this.onChange?.();
  }

  private lookup(path: string): Node {
    let node: Node = this.root;
    for (const name of split(path)) {
      if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
      const child: Node | undefined = node.children.get(name);
      if (!child) throw new FsError('ENOENT', path);
      node = child;
    }
    return node;
  }

  private parentOf(path: string): { parent: DirNode; name: string } {
    const parts = split(path);
    const name = parts.pop();
    if (name === undefined) throw new FsError('EINVAL', path);
    const parent = this.lookup('/' + parts.join('/'));
    if (parent.type !== 'dir') throw new FsError('ENOTDIR', path);
    return { parent, name };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Byte order, as `ls` in the C locale sorts. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
