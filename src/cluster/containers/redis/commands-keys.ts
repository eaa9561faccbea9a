/** Strings and generic key commands. */
import { globMatch } from './keyspace';
import { NOT_INTEGER, SYNTAX, WRONG, WRONGTYPE, isReply, parseInteger, type CommandContext, type CommandSpec } from './command-context';
import { NIL, array, bulk, err, int, ok, type RespReply } from './types';
import { utf8Length } from '../../storage/utf8';

function getString(ctx: CommandContext, key: string): string | null | RespReply {
  const e = ctx.ks.get(ctx.db, key);
  if (!e) return null;
  if (e.data.type !== 'string') return WRONG;
  return e.data.value;
}

function set(ctx: CommandContext, args: string[]): RespReply {
  const [, key, value, ...opts] = args;
  let expireAt: number | undefined;
  let nx = false;
  let xx = false;
  let keepTtl = false;
  let get = false;
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i].toUpperCase();
    if (o === 'NX' && !xx) nx = true;
    else if (o === 'XX' && !nx) xx = true;
    else if (o === 'GET') get = true;
    else if (o === 'KEEPTTL' && expireAt === undefined) keepTtl = true;
    else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(o) && expireAt === undefined && !keepTtl && i + 1 < opts.length) {
      const n = parseInteger(opts[++i]);
      if (n === undefined) return err(NOT_INTEGER);
      if (n <= 0) return err("ERR invalid expire time in 'set' command");
      expireAt = o === 'EX' ? ctx.now() + n * 1000 : o === 'PX' ? ctx.now() + n : o === 'EXAT' ? n * 1000 : n;
    } else return err(SYNTAX);
  }
  const old = ctx.ks.get(ctx.db, key);
  if (get && old && old.data.type !== 'string') return err(WRONGTYPE);
  const previous = get ? (old?.data.type === 'string' ? bulk(old.data.value) : NIL) : undefined;
  if ((nx && old) || (xx && !old)) return previous ?? NIL;
  ctx.ks.set(ctx.db, key, { data: { type: 'string', value }, expireAt: keepTtl ? old?.expireAt : expireAt });
  // redis 7 propagates a relative expire as an absolute one (PXAT), so replaying the AOF later keeps the deadline.
  ctx.wrote(1, [expireAt === undefined ? ['SET', key, value] : ['SET', key, value, 'PXAT', String(expireAt)]]);
  return previous ?? ok();
}

function incrBy(ctx: CommandContext, key: string, by: number): RespReply {
  const cur = getString(ctx, key);
  if (isReply(cur)) return cur;
  const n = cur === null ? 0 : parseInteger(cur);
  if (n === undefined) return err(NOT_INTEGER);
  const next = n + by;
  if (!Number.isSafeInteger(next)) return err('ERR increment or decrement would overflow');
  const e = ctx.ks.get(ctx.db, key);
  ctx.ks.set(ctx.db, key, { data: { type: 'string', value: String(next) }, expireAt: e?.expireAt });
  ctx.wrote(1, [['SET', key, String(next)]]);
  return int(next);
}

const byArg = (f: (ctx: CommandContext, key: string, by: number) => RespReply, sign: number) => (ctx: CommandContext, args: string[]) => {
  const n = parseInteger(args[2]);
  return n === undefined ? err(NOT_INTEGER) : f(ctx, args[1], sign * n);
};

function expire(ctx: CommandContext, key: string, atMs: number): RespReply {
  const e = ctx.ks.get(ctx.db, key);
  if (!e) return int(0);
  if (atMs <= ctx.now()) {
    ctx.ks.delete(ctx.db, key);
    ctx.wrote(1, [['DEL', key]]);
    return int(1);
  }
  e.expireAt = atMs;
  ctx.wrote(1, [['PEXPIREAT', key, String(atMs)]]);
  return int(1);
}

const expireBy = (unit: number, absolute: boolean) => (ctx: CommandContext, args: string[]) => {
  const n = parseInteger(args[2]);
  if (n === undefined) return err(NOT_INTEGER);
  return expire(ctx, args[1], (absolute ? 0 : ctx.now()) + n * unit);
};

const ttl = (unit: number) => (ctx: CommandContext, args: string[]) => {
  const e = ctx.ks.get(ctx.db, args[1]);
  if (!e) return int(-2);
  if (e.expireAt === undefined) return int(-1);
  const left = e.expireAt - ctx.now();
  return int(unit === 1 ? left : Math.floor((left + 500) / 1000));
};

export const KEY_COMMANDS: Record<string, CommandSpec> = {
  get: { arity: 2, run: (ctx, a) => { const v = getString(ctx, a[1]); return isReply(v) ? v : bulk(v); } },
  set: { arity: -3, run: set },
  setnx: { arity: 3, run: (ctx, a) => (set(ctx, ['SET', a[1], a[2], 'NX']).type === 'status' ? int(1) : int(0)) },
  setex: { arity: 4, run: (ctx, a) => { const n = parseInteger(a[2]); if (n === undefined) return err(NOT_INTEGER); if (n <= 0) return err("ERR invalid expire time in 'setex' command"); return set(ctx, ['SET', a[1], a[3], 'EX', a[2]]); } },
  mset: {
    arity: -3,
    run: (ctx, a) => {
      if (a.length % 2 === 0) return err("ERR wrong number of arguments for 'mset' command");
      for (let i = 1; i < a.length; i += 2) ctx.ks.set(ctx.db, a[i], { data: { type: 'string', value: a[i + 1] } });
      ctx.wrote((a.length - 1) / 2);
      return ok();
    },
  },
  mget: { arity: -2, run: (ctx, a) => ({ type: 'array', value: a.slice(1).map((k) => { const e = ctx.ks.get(ctx.db, k); return bulk(e?.data.type === 'string' ? e.data.value : null); }) }) },
  incr: { arity: 2, run: (ctx, a) => incrBy(ctx, a[1], 1) },
  decr: { arity: 2, run: (ctx, a) => incrBy(ctx, a[1], -1) },
  incrby: { arity: 3, run: byArg(incrBy, 1) },
  decrby: { arity: 3, run: byArg(incrBy, -1) },
  append: {
    arity: 3,
    run: (ctx, a) => {
      const cur = getString(ctx, a[1]);
      if (isReply(cur)) return cur;
      const value = (cur ?? '') + a[2];
      ctx.ks.set(ctx.db, a[1], { data: { type: 'string', value }, expireAt: ctx.ks.get(ctx.db, a[1])?.expireAt });
      ctx.wrote(1);
      return int(utf8Length(value));
    },
  },
  strlen: { arity: 2, run: (ctx, a) => { const v = getString(ctx, a[1]); return isReply(v) ? v : int(utf8Length(v ?? '')); } },
  del: {
    arity: -2,
    run: (ctx, a) => {
      const n = a.slice(1).filter((k) => ctx.ks.delete(ctx.db, k)).length;
      if (n) ctx.wrote(n);
      return int(n);
    },
  },
  exists: { arity: -2, run: (ctx, a) => int(a.slice(1).filter((k) => ctx.ks.get(ctx.db, k)).length) },
  keys: { arity: 2, run: (ctx, a) => array(ctx.ks.keys(ctx.db).filter((k) => globMatch(a[1], k))) },
  expire: { arity: -3, run: expireBy(1000, false) },
  pexpire: { arity: -3, run: expireBy(1, false) },
  expireat: { arity: -3, run: expireBy(1000, true) },
  pexpireat: { arity: -3, run: expireBy(1, true) },
  ttl: { arity: 2, run: ttl(1000) },
  pttl: { arity: 2, run: ttl(1) },
  persist: {
    arity: 2,
    run: (ctx, a) => {
      const e = ctx.ks.get(ctx.db, a[1]);
      if (!e || e.expireAt === undefined) return int(0);
      e.expireAt = undefined;
      ctx.wrote(1);
      return int(1);
    },
  },
  type: { arity: 2, run: (ctx, a) => ok(ctx.ks.get(ctx.db, a[1])?.data.type ?? 'none') },
  rename: {
    arity: 3,
    run: (ctx, a) => {
      const e = ctx.ks.get(ctx.db, a[1]);
      if (!e) return err('ERR no such key');
      ctx.ks.delete(ctx.db, a[1]);
      ctx.ks.set(ctx.db, a[2], e);
      ctx.wrote(1);
      return ok();
    },
  },
  dbsize: { arity: 1, run: (ctx) => int(ctx.ks.size(ctx.db)) },
  flushdb: {
    arity: -1,
    run: (ctx) => {
      ctx.ks.flush(ctx.db);
      ctx.wrote(1);
      return ok();
    },
  },
  flushall: {
    arity: -1,
    run: (ctx) => {
      ctx.ks.flush();
      ctx.wrote(1);
      return ok();
    },
  },
};
