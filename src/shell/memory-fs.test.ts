import { describe, expect, it } from 'vitest';
import { FsError } from './fs-types';
import { MemoryFileSystem } from './memory-fs';

describe('MemoryFileSystem', () => {
  it('writes, appends, reads, lists sorted and stats', () => {
    const fs = new MemoryFileSystem(() => 1000);
    fs.mkdir('/a/b', { recursive: true });
    fs.writeFile('/a/z', 'x');
    fs.appendFile('/a/z', 'é');
    expect([fs.readFile('/a/z'), fs.readdir('/a'), fs.stat('/a/z')]).toEqual(['xé', ['b', 'z'], { type: 'file', size: 3, mtimeMs: 1000, mode: 0o644 }]);
  });

  it('throws errno codes', () => {
    const fs = new MemoryFileSystem(() => 0);
    fs.mkdir('/d');
    fs.writeFile('/d/f', '');
    const code = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as FsError).code;
      }
      return 'none';
    };
    expect([
      code(() => fs.readFile('/nope')),
      code(() => fs.mkdir('/d')),
      code(() => fs.readFile('/d')),
      code(() => fs.readdir('/d/f')),
      code(() => fs.rm('/d')),
      code(() => fs.writeFile('/x/y', '')),
      code(() => fs.mkdir('/d/f/g', { recursive: true })),
    ]).toEqual(['ENOENT', 'EEXIST', 'EISDIR', 'ENOTDIR', 'ENOTEMPTY', 'ENOENT', 'ENOTDIR']);
  });

  it('renames files and directories', () => {
    const fs = new MemoryFileSystem(() => 0);
    fs.mkdir('/a');
    fs.writeFile('/a/f', 'x');
    fs.rename('/a', '/b');
    expect([fs.exists('/a'), fs.readFile('/b/f')]).toEqual([false, 'x']);
  });
});
