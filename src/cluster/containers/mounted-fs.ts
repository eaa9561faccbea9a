/**
 * A container's view of files: the image's root tree with volumes mounted
 * over directories (the longest matching mount point wins, as in the kernel).
 */
import { FsError, type FileStat, type FileSystem } from '../storage/fs-types';

export interface Mount {
  /** Absolute, normalised mount point. */
  path: string;
  fs: FileSystem;
  readOnly?: boolean;
  /** Where in `fs` the mount starts ('/' or a subPath). */
  root?: string;
}

export class MountedFileSystem implements FileSystem {
  private readonly mounts: Mount[];

  constructor(
    private readonly base: FileSystem,
    mounts: Mount[],
  ) {
    this.mounts = [...mounts].sort((a, b) => b.path.length - a.path.length);
    for (const m of this.mounts) {
      base.mkdir(m.path, { recursive: true });
      const root = m.root ?? '/';
      if (!m.fs.exists(root)) m.fs.mkdir(root, { recursive: true });
    }
  }

  /** Mount points, for `df` and `mount`. */
  mountPoints(): string[] {
    return this.mounts.map((m) => m.path).sort();
  }

  private route(path: string, write = false): { fs: FileSystem; path: string } {
    for (const m of this.mounts) {
      if (path === m.path || path.startsWith(m.path + '/')) {
        if (write && m.readOnly) throw new FsError('EROFS', path);
        const root = m.root && m.root !== '/' ? m.root : '';
        return { fs: m.fs, path: root + path.slice(m.path.length) || '/' };
      }
    }
    return { fs: this.base, path };
  }

  readFile(path: string): string {
    const r = this.route(path);
    return r.fs.readFile(r.path);
  }

  writeFile(path: string, data: string): void {
    const r = this.route(path, true);
    r.fs.writeFile(r.path, data);
  }

  appendFile(path: string, data: string): void {
    const r = this.route(path, true);
    r.fs.appendFile(r.path, data);
  }

  readdir(path: string): string[] {
    const r = this.route(path);
    const names = new Set(r.fs.readdir(r.path));
    // Mount points directly below a directory show even when the layer lacks them.
    const prefix = path === '/' ? '/' : path + '/';
    for (const m of this.mounts) {
      if (m.path.startsWith(prefix) && !m.path.slice(prefix.length).includes('/') && m.path !== path) names.add(m.path.slice(prefix.length));
    }
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  stat(path: string): FileStat {
    const r = this.route(path);
    return r.fs.stat(r.path);
  }

  exists(path: string): boolean {
    const r = this.route(path);
    return r.fs.exists(r.path);
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    if (options?.recursive && this.exists(path) && this.stat(path).type === 'dir') return;
    const r = this.route(path, true);
    r.fs.mkdir(r.path, options);
  }

  rm(path: string, options?: { recursive?: boolean }): void {
    if (this.mounts.some((m) => m.path === path || m.path.startsWith(path + '/'))) throw new FsError('EBUSY', path);
    const r = this.route(path, true);
    r.fs.rm(r.path, options);
  }

  rename(from: string, to: string): void {
    const a = this.route(from, true);
    const b = this.route(to, true);
    if (a.fs === b.fs) return a.fs.rename(a.path, b.path);
    // Across file systems mv copies then deletes (rename(2) gives EXDEV).
    copyTree(a.fs, a.path, b.fs, b.path);
    a.fs.rm(a.path, { recursive: true });
  }
}

function copyTree(src: FileSystem, from: string, dst: FileSystem, to: string): void {
  if (src.stat(from).type === 'file') return dst.writeFile(to, src.readFile(from));
  dst.mkdir(to, { recursive: true });
  for (const name of src.readdir(from)) copyTree(src, `${from === '/' ? '' : from}/${name}`, dst, `${to === '/' ? '' : to}/${name}`);
}
