/** An in-memory stand-in for OPFS handles and Web Locks, with the errors the browser throws. */
import type { LockManagerLike, OpfsDirectory, OpfsFile } from './opfs-volumes';

function domError(name: string): Error {
  const e = new Error(name);
  e.name = name;
  return e;
}

export class FakeFile implements OpfsFile {
  readonly kind = 'file' as const;
  data = '';
  async getFile() {
    const data = this.data;
    return { text: async () => data };
  }
  async createWritable() {
    let pending = '';
    return {
      write: async (d: string) => void (pending += d),
      close: async () => void (this.data = pending),
    };
  }
}

export class FakeDirectory implements OpfsDirectory {
  readonly kind = 'directory' as const;
  readonly children = new Map<string, FakeDirectory | FakeFile>();

  async getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FakeDirectory> {
    const child = this.children.get(name);
    if (child?.kind === 'file') throw domError('TypeMismatchError');
    if (child) return child;
    if (!options?.create) throw domError('NotFoundError');
    const dir = new FakeDirectory();
    this.children.set(name, dir);
    return dir;
  }

  async getFileHandle(name: string, options?: { create?: boolean }): Promise<FakeFile> {
    const child = this.children.get(name);
    if (child?.kind === 'directory') throw domError('TypeMismatchError');
    if (child) return child;
    if (!options?.create) throw domError('NotFoundError');
    const file = new FakeFile();
    this.children.set(name, file);
    return file;
  }

  async removeEntry(name: string, options?: { recursive?: boolean }): Promise<void> {
    const child = this.children.get(name);
    if (!child) throw domError('NotFoundError');
    if (child.kind === 'directory' && child.children.size > 0 && !options?.recursive) throw domError('InvalidModificationError');
    this.children.delete(name);
  }

  async *entries(): AsyncIterable<[string, FakeDirectory | FakeFile]> {
    for (const entry of [...this.children]) yield entry;
  }

  /** Every file below, as path → content, for assertions. */
  files(prefix = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, child] of [...this.children].sort()) {
      if (child.kind === 'file') out[`${prefix}/${name}`] = child.data;
      else {
        out[`${prefix}/${name}/`] = '';
        Object.assign(out, child.files(`${prefix}/${name}`));
      }
    }
    return out;
  }
}

/** Web Locks where a lock is held until released by the holder's promise; `ifAvailable` gets null when held. */
export class FakeLocks implements LockManagerLike {
  readonly held = new Set<string>();

  request(name: string, a: unknown, b?: unknown): Promise<unknown> {
    const options = (typeof a === 'function' ? {} : a) as { ifAvailable?: boolean };
    const callback = (typeof a === 'function' ? a : b) as (lock: unknown) => Promise<unknown>;
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      return new Promise(() => {});
    }
    this.held.add(name);
    return callback({ name }).finally(() => this.held.delete(name));
  }
}
