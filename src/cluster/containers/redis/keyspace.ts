/**
 * redis's keyspace: 16 databases of typed values with optional expiry times
 * (absolute ms on the simulated clock). Expired keys vanish when touched, as
 * redis's lazy expiry does.
 */

export type RedisValue =
  | { type: 'string'; value: string }
  | { type: 'list'; value: string[] }
  | { type: 'hash'; value: Record<string, string> }
  | { type: 'set'; value: string[] };

export interface Entry {
  data: RedisValue;
  /** Absolute expiry time in ms, if the key is volatile. */
  expireAt?: number;
}

/** A database as saved: key → entry. */
export type SavedDb = Record<string, Entry>;

export const DATABASES = 16;

export class Keyspace {
  readonly dbs: Map<string, Entry>[] = Array.from({ length: DATABASES }, () => new Map());

  constructor(private readonly now: () => number) {}

  /** The live entry under key (an expired one is dropped first). */
  get(db: number, key: string): Entry | undefined {
    const e = this.dbs[db].get(key);
    if (e && e.expireAt !== undefined && e.expireAt <= this.now()) {
      this.dbs[db].delete(key);
      return undefined;
    }
    return e;
  }

  set(db: number, key: string, entry: Entry): void {
    // Re-inserting keeps Map order stable for existing keys; redis's own order is a hash order anyway.
    this.dbs[db].set(key, entry);
  }

  delete(db: number, key: string): boolean {
    return this.get(db, key) !== undefined && this.dbs[db].delete(key);
  }

  keys(db: number): string[] {
    return [...this.dbs[db].keys()].filter((k) => this.get(db, k) !== undefined);
  }

  size(db: number): number {
    return this.keys(db).length;
  }

  expires(db: number): number {
    return this.keys(db).filter((k) => this.dbs[db].get(k)!.expireAt !== undefined).length;
  }

  flush(db?: number): void {
    if (db === undefined) for (const d of this.dbs) d.clear();
    else this.dbs[db].clear();
  }

  /** Live keys of every database, as written to a snapshot. */
  snapshot(): Record<number, SavedDb> {
    const out: Record<number, SavedDb> = {};
    this.dbs.forEach((_, i) => {
      const keys = this.keys(i);
      if (!keys.length) return;
      out[i] = {};
      for (const k of keys) out[i][k] = clone(this.dbs[i].get(k)!);
    });
    return out;
  }

  /** Loads a snapshot; returns how many keys were loaded and how many had already expired. */
  load(saved: Record<number, SavedDb>): { loaded: number; expired: number } {
    let loaded = 0;
    let expired = 0;
    for (const [db, keys] of Object.entries(saved)) {
      for (const [k, e] of Object.entries(keys)) {
        if (e.expireAt !== undefined && e.expireAt <= this.now()) {
          expired++;
          continue;
        }
        this.dbs[Number(db)]?.set(k, clone(e));
        loaded++;
      }
    }
    return { loaded, expired };
  }
}

/** redis's glob match (stringmatchlen): `*`, `?`, `[abc]`, `[^a]`, `[a-z]`, `\x`. */
export function globMatch(pattern: string, text: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '\\' && i + 1 < pattern.length) re += escape(pattern[++i]);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        const negate = body.startsWith('^');
        if (negate) body = body.slice(1);
        re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = end;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`, 's').test(text);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const clone = (e: Entry): Entry => JSON.parse(JSON.stringify(e)) as Entry;
