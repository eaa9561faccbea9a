/**
 * redis's files in its `dir`: the snapshot (dump.rdb) and, with appendonly,
 * redis 7's multi-part AOF (appendonlydir/ with a manifest, a base snapshot
 * and an incremental file of commands). The incremental file is real RESP;
 * the snapshots are kubelab's own: the RDB magic and version, then JSON.
 */
import type { FileSystem } from '../../storage/fs-types';
import type { SavedDb } from './keyspace';
import type { RedisConfig } from './config';
import { utf8Length } from '../../storage/utf8';

export interface Snapshot {
  /** The redis release that wrote it. */
  version: string;
  /** Creation time (ms), for `RDB age`. */
  ctime: number;
  dbs: Record<number, SavedDb>;
}

/** RDB format versions by release (rdb.h RDB_VERSION). */
function rdbVersion(version: string): number {
  const [major, minor] = version.split('.').map(Number);
  if (major >= 8 || (major === 7 && minor >= 4)) return 12;
  if (major === 7) return minor >= 2 ? 11 : 10;
  return 9;
}

export function encodeSnapshot(s: Snapshot): string {
  return `REDIS${String(rdbVersion(s.version)).padStart(4, '0')}${JSON.stringify(s)}`;
}

export function decodeSnapshot(text: string): Snapshot | undefined {
  if (!/^REDIS\d{4}/.test(text)) return undefined;
  try {
    return JSON.parse(text.slice(9)) as Snapshot;
  } catch {
    return undefined;
  }
}

/** A command as RESP, the AOF's format. */
export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${utf8Length(a)}\r\n${a}\r\n`).join('');
}

/** The commands of an AOF; undefined when it is truncated or garbled. */
export function decodeCommands(text: string): string[][] | undefined {
  const out: string[][] = [];
  let i = 0;
  const line = (): string | undefined => {
    const end = text.indexOf('\r\n', i);
    if (end < 0) return undefined;
    const s = text.slice(i, end);
    i = end + 2;
    return s;
  };
  /** `size` bytes of UTF-8 from i, as characters. */
  const bytes = (size: number): string | undefined => {
    let n = 0;
    let j = i;
    while (n < size && j < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(j)!);
      n += utf8Length(ch);
      j += ch.length;
    }
    if (n !== size || text.slice(j, j + 2) !== '\r\n') return undefined;
    const s = text.slice(i, j);
    i = j + 2;
    return s;
  };
  while (i < text.length) {
    const head = line();
    if (!head?.startsWith('*')) return undefined;
    const args: string[] = [];
    for (let n = Number(head.slice(1)); n > 0; n--) {
      const len = line();
      if (!len?.startsWith('$')) return undefined;
      const arg = bytes(Number(len.slice(1)));
      if (arg === undefined) return undefined;
      args.push(arg);
    }
    out.push(args);
  }
  return out;
}

export interface AofFiles {
  dir: string;
  manifest: string;
  base: string;
  incr: string;
  baseName: string;
  incrName: string;
}

export function aofFiles(c: RedisConfig): AofFiles {
  const dir = `${c.dir}/${c.appenddirname}`;
  const baseName = `${c.appendfilename}.1.base.rdb`;
  const incrName = `${c.appendfilename}.1.incr.aof`;
  return { dir, manifest: `${dir}/${c.appendfilename}.manifest`, base: `${dir}/${baseName}`, incr: `${dir}/${incrName}`, baseName, incrName };
}

/** Writes a fresh AOF: a base snapshot of the dataset, an empty incremental file, the manifest naming them. */
export function createAof(fs: FileSystem, c: RedisConfig, snapshot: Snapshot): void {
  const f = aofFiles(c);
  fs.mkdir(f.dir, { recursive: true });
  fs.writeFile(f.base, encodeSnapshot(snapshot));
  fs.writeFile(f.incr, '');
  fs.writeFile(f.manifest, `file ${f.baseName} seq 1 type b\nfile ${f.incrName} seq 1 type i\n`);
}

export function readFile(fs: FileSystem, path: string): string | undefined {
  try {
    return fs.exists(path) && fs.stat(path).type === 'file' ? fs.readFile(path) : undefined;
  } catch {
    return undefined;
  }
}
