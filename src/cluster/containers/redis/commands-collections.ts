/** Lists, hashes and sets. */
import type { RedisValue } from './keyspace';
import { NOT_INTEGER, WRONG, isReply, parseInteger, type CommandContext, type CommandSpec } from './command-context';
import { NIL, array, bulk, err, int, type RespReply } from './types';

interface Values {
  string: string;
  list: string[];
  hash: Record<string, string>;
  set: string[];
}
type Kind = keyof Values;
type ValueOf<K extends Kind> = Values[K];

/** The key's value of the given type; `undefined` when absent, an error reply when of another type. */
function lookup<K extends Kind>(ctx: CommandContext, key: string, type: K): ValueOf<K> | undefined | RespReply {
  const e = ctx.ks.get(ctx.db, key);
  if (!e) return undefined;
  if (e.data.type !== type) return WRONG;
  return e.data.value as unknown as ValueOf<K>;
}

/** Gets or creates the key's value of `type` for a write. */
function writable<K extends Kind>(ctx: CommandContext, key: string, type: K, empty: () => ValueOf<K>): ValueOf<K> | RespReply {
  const v = lookup(ctx, key, type);
  if (v !== undefined) return v as ValueOf<K> | RespReply;
  const value = empty();
  ctx.ks.set(ctx.db, key, { data: { type, value } as RedisValue });
  return value;
}

/** A collection left empty is deleted, as redis does. */
function dropIfEmpty(ctx: CommandContext, key: string, size: number): void {
  if (size === 0) ctx.ks.delete(ctx.db, key);
}

const push = (left: boolean) => (ctx: CommandContext, a: string[]) => {
  const list = writable(ctx, a[1], 'list', () => []);
  if (isReply(list)) return list;
  for (const v of a.slice(2)) (left ? list.unshift(v) : list.push(v));
  ctx.wrote(a.length - 2);
  return int(list.length);
};

const pop = (left: boolean) => (ctx: CommandContext, a: string[]) => {
  if (a.length > 3) return err(`ERR wrong number of arguments for '${left ? 'lpop' : 'rpop'}' command`);
  const count = a[2] === undefined ? undefined : parseInteger(a[2]);
  if (a[2] !== undefined && (count === undefined || count < 0)) return err('ERR value is out of range, must be positive');
  const list = lookup(ctx, a[1], 'list');
  if (isReply(list)) return list;
  if (!list) return count === undefined ? NIL : ({ type: 'array', value: null } as RespReply);
  const n = Math.min(count ?? 1, list.length);
  const taken = left ? list.splice(0, n) : list.splice(list.length - n, n).reverse();
  dropIfEmpty(ctx, a[1], list.length);
  if (n) ctx.wrote(n);
  return count === undefined ? bulk(taken[0] ?? null) : array(taken);
};

function lrange(ctx: CommandContext, a: string[]): RespReply {
  let start = parseInteger(a[2]);
  let stop = parseInteger(a[3]);
  if (start === undefined || stop === undefined) return err(NOT_INTEGER);
  const list = lookup(ctx, a[1], 'list');
  if (isReply(list)) return list;
  if (!list) return array([]);
  const len = list.length;
  if (start < 0) start = Math.max(len + start, 0);
  if (stop < 0) stop = len + stop;
  if (start > stop || start >= len) return array([]);
  return array(list.slice(start, Math.min(stop, len - 1) + 1));
}

function hset(ctx: CommandContext, a: string[]): RespReply {
  if (a.length % 2 !== 0) return err(`ERR wrong number of arguments for '${a[0].toLowerCase()}' command`);
  const hash = writable(ctx, a[1], 'hash', () => ({}));
  if (isReply(hash)) return hash;
  let added = 0;
  for (let i = 2; i < a.length; i += 2) {
    if (!Object.prototype.hasOwnProperty.call(hash, a[i])) added++;
    hash[a[i]] = a[i + 1];
  }
  ctx.wrote((a.length - 2) / 2);
  return a[0].toLowerCase() === 'hmset' ? { type: 'status', value: 'OK' } : int(added);
}

const hashRead = (f: (h: Record<string, string>, a: string[]) => RespReply, missing: RespReply) => (ctx: CommandContext, a: string[]) => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  return h ? f(h, a) : missing;
};

const setRead = (f: (s: string[], a: string[]) => RespReply, missing: RespReply) => (ctx: CommandContext, a: string[]) => {
  const s = lookup(ctx, a[1], 'set');
  if (isReply(s)) return s;
  return s ? f(s, a) : missing;
};

export const COLLECTION_COMMANDS: Record<string, CommandSpec> = {
  lpush: { arity: -3, run: push(true) },
  rpush: { arity: -3, run: push(false) },
  lpop: { arity: -2, run: pop(true) },
  rpop: { arity: -2, run: pop(false) },
  lrange: { arity: 4, run: lrange },
  llen: { arity: 2, run: (ctx, a) => { const l = lookup(ctx, a[1], 'list'); return isReply(l) ? l : int(l?.length ?? 0); } },
  hset: { arity: -4, run: hset },
  hmset: { arity: -4, run: hset },
  hget: { arity: 3, run: hashRead((h, a) => bulk(h[a[2]] ?? null), NIL) },
  hgetall: { arity: 2, run: hashRead((h) => array(Object.entries(h).flat()), array([])) },
  hkeys: { arity: 2, run: hashRead((h) => array(Object.keys(h)), array([])) },
  hvals: { arity: 2, run: hashRead((h) => array(Object.values(h)), array([])) },
  hlen: { arity: 2, run: hashRead((h) => int(Object.keys(h).length), int(0)) },
  hexists: { arity: 3, run: hashRead((h, a) => int(Object.prototype.hasOwnProperty.call(h, a[2]) ? 1 : 0), int(0)) },
  hdel: {
    arity: -3,
    run: (ctx, a) => {
      const h = lookup(ctx, a[1], 'hash');
      if (isReply(h)) return h;
      if (!h) return int(0);
      let n = 0;
      for (const f of a.slice(2)) if (Object.prototype.hasOwnProperty.call(h, f)) (delete h[f], n++);
      dropIfEmpty(ctx, a[1], Object.keys(h).length);
      if (n) ctx.wrote(n);
      return int(n);
    },
  },
  sadd: {
    arity: -3,
    run: (ctx, a) => {
      const s = writable(ctx, a[1], 'set', () => []);
      if (isReply(s)) return s;
      let n = 0;
      for (const m of a.slice(2)) if (!s.includes(m)) (s.push(m), n++);
      if (n) ctx.wrote(n);
      return int(n);
    },
  },
  srem: {
    arity: -3,
    run: (ctx, a) => {
      const s = lookup(ctx, a[1], 'set');
      if (isReply(s)) return s;
      if (!s) return int(0);
      let n = 0;
      for (const m of a.slice(2)) {
        const i = s.indexOf(m);
        if (i >= 0) (s.splice(i, 1), n++);
      }
      dropIfEmpty(ctx, a[1], s.length);
      if (n) ctx.wrote(n);
      return int(n);
    },
  },
  smembers: { arity: 2, run: setRead((s) => array([...s]), array([])) },
  scard: { arity: 2, run: setRead((s) => int(s.length), int(0)) },
  sismember: { arity: 3, run: setRead((s, a) => int(s.includes(a[2]) ? 1 : 0), int(0)) },
};
