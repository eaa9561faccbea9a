import { describe, expect, it } from 'vitest';
import { MemoryTree } from '../../storage/memory-tree';
import type { ContainerInstance } from '../runtime';
import { parseServerArgs } from './config';
import { RedisServer } from './server';
import type { RespReply } from './types';

const T0 = Date.UTC(2026, 10, 22, 8, 0, 0, 123);

function setup(args: string[] = [], fs = new MemoryTree(() => T0)) {
  let now = T0;
  const logs: string[] = [];
  const instance = { fs, logs, log: (...l: string[]) => logs.push(...l), contents: { redisVersion: '7.2.5' }, running: true, startedAt: T0, podUID: 'u1' } as unknown as ContainerInstance;
  const parsed = parseServerArgs(args, (p) => (fs.exists(p) ? fs.readFile(p) : undefined));
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
  const server = new RedisServer(instance, parsed.config, () => now);
  server.load(true);
  const conn = server.connect();
  const run = (...a: string[]): RespReply => conn.command(a);
  return { server, run, logs, fs, advance: (ms: number) => (now += ms), connect: () => server.connect() };
}

describe('redis keyspace commands', () => {
  it('sets, gets and expires strings on the simulated clock', () => {
    const { run, advance } = setup();
    expect(run('SET', 'a', '1', 'EX', '10')).toEqual({ type: 'status', value: 'OK' });
    expect(run('TTL', 'a')).toEqual({ type: 'integer', value: 10 });
    expect(run('INCR', 'a')).toEqual({ type: 'integer', value: 2 });
    expect(run('SET', 'a', 'x', 'NX')).toEqual({ type: 'bulk', value: null });
    advance(10_000);
    expect(run('GET', 'a')).toEqual({ type: 'bulk', value: null });
    expect(run('TTL', 'a')).toEqual({ type: 'integer', value: -2 });
  });

  it('answers with redis’s exact error texts', () => {
    const { run } = setup();
    run('RPUSH', 'l', 'x');
    expect(run('GET', 'l')).toEqual({ type: 'error', value: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(run('GET')).toEqual({ type: 'error', value: "ERR wrong number of arguments for 'get' command" });
    expect(run('FOO', 'a')).toEqual({ type: 'error', value: "ERR unknown command 'FOO', with args beginning with: 'a' " });
    run('SET', 's', 'abc');
    expect(run('INCR', 's')).toEqual({ type: 'error', value: 'ERR value is not an integer or out of range' });
    expect(run('SELECT', '16')).toEqual({ type: 'error', value: 'ERR DB index is out of range' });
  });

  it('keeps lists, hashes and sets', () => {
    const { run } = setup();
    expect(run('LPUSH', 'l', 'a', 'b')).toEqual({ type: 'integer', value: 2 });
    expect(run('LRANGE', 'l', '0', '-1')).toEqual({ type: 'array', value: [{ type: 'bulk', value: 'b' }, { type: 'bulk', value: 'a' }] });
    expect(run('HSET', 'h', 'type', 'x', 'value', 'y')).toEqual({ type: 'integer', value: 2 });
    expect(run('HGET', 'h', 'type')).toEqual({ type: 'bulk', value: 'x' });
    expect(run('SADD', 's', 'm', 'm', 'n')).toEqual({ type: 'integer', value: 2 });
    expect(run('SCARD', 's')).toEqual({ type: 'integer', value: 2 });
    expect(run('KEYS', '*')).toEqual({ type: 'array', value: ['l', 'h', 's'].map((v) => ({ type: 'bulk', value: v })) });
  });

  it('asks for AUTH when requirepass is set', () => {
    const { run } = setup(['--requirepass', 'pw']);
    expect(run('GET', 'a')).toEqual({ type: 'error', value: 'NOAUTH Authentication required.' });
    expect(run('AUTH', 'no')).toEqual({ type: 'error', value: 'WRONGPASS invalid username-password pair or user is disabled.' });
    expect(run('AUTH', 'pw')).toEqual({ type: 'status', value: 'OK' });
    expect(run('PING')).toEqual({ type: 'status', value: 'PONG' });
  });
});

describe('redis persistence', () => {
  it('saves dump.rdb on SIGTERM and loads it at the next start; a kill saves nothing', () => {
    const a = setup();
    a.run('SET', 'k', 'v');
    a.server.stop(true);
    expect(a.logs.slice(-5)).toEqual([
      `1:signal-handler (${Math.floor(T0 / 1000)}) Received SIGTERM scheduling shutdown...`,
      '1:M 22 Nov 2026 08:00:00.173 * User requested shutdown...',
      '1:M 22 Nov 2026 08:00:00.173 * Saving the final RDB snapshot before exiting.',
      '1:M 22 Nov 2026 08:00:00.178 * DB saved on disk',
      '1:M 22 Nov 2026 08:00:00.178 # Redis is now ready to exit, bye bye...',
    ]);
    const b = setup([], a.fs);
    expect(b.logs.slice(6)).toEqual([
      '1:M 22 Nov 2026 08:00:00.125 * Loading RDB produced by version 7.2.5',
      '1:M 22 Nov 2026 08:00:00.125 * RDB age 0 seconds',
      '1:M 22 Nov 2026 08:00:00.125 * RDB memory usage when created 0.83 Mb',
      '1:M 22 Nov 2026 08:00:00.125 * Done loading RDB, keys loaded: 1, keys expired: 0.',
      '1:M 22 Nov 2026 08:00:00.125 * DB loaded from disk: 0.000 seconds',
      '1:M 22 Nov 2026 08:00:00.126 * Ready to accept connections tcp',
    ]);
    expect(b.run('GET', 'k')).toEqual({ type: 'bulk', value: 'v' });
    b.run('SET', 'k2', 'v2');
    b.server.stop(false);
    const c = setup([], a.fs);
    expect(c.run('GET', 'k2')).toEqual({ type: 'bulk', value: null });
  });

  it('appends every write to the AOF and replays it at start', () => {
    const a = setup(['--appendonly', 'yes']);
    expect(a.logs.slice(6, 8)).toEqual(['1:M 22 Nov 2026 08:00:00.126 * Creating AOF base file appendonly.aof.1.base.rdb on server start', '1:M 22 Nov 2026 08:00:00.126 * Creating AOF incr file appendonly.aof.1.incr.aof on server start']);
    a.run('SET', 'k', 'v');
    a.run('SELECT', '2');
    a.run('RPUSH', 'l', 'x');
    expect(a.fs.readFile('/data/appendonlydir/appendonly.aof.1.incr.aof')).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*3\r\n$5\r\nRPUSH\r\n$1\r\nl\r\n$1\r\nx\r\n');
    expect(a.fs.readFile('/data/appendonlydir/appendonly.aof.manifest')).toBe('file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    a.server.stop(false);
    const b = setup(['--appendonly', 'yes'], a.fs);
    expect(b.logs.slice(-3)).toEqual(['1:M 22 Nov 2026 08:00:00.126 * DB loaded from append only file: 0.000 seconds', '1:M 22 Nov 2026 08:00:00.126 * Opening AOF incr file appendonly.aof.1.incr.aof on server start', '1:M 22 Nov 2026 08:00:00.126 * Ready to accept connections tcp']);
    expect(b.run('GET', 'k')).toEqual({ type: 'bulk', value: 'v' });
    b.run('SELECT', '2');
    expect(b.run('LLEN', 'l')).toEqual({ type: 'integer', value: 1 });
  });

  it('saves by the default save point once a change is an hour old', () => {
    const a = setup();
    a.run('SET', 'k', 'v');
    a.advance(3_600_000);
    a.server.tick();
    expect(a.logs.slice(-5)).toEqual([
      '1:M 22 Nov 2026 09:00:00.123 * 1 changes in 3600 seconds. Saving...',
      '1:M 22 Nov 2026 09:00:00.123 * Background saving started by pid 20',
      '20:C 22 Nov 2026 09:00:00.128 * DB saved on disk',
      '20:C 22 Nov 2026 09:00:00.128 * Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB',
      '1:M 22 Nov 2026 09:00:00.223 * Background saving terminated with success',
    ]);
    expect(a.fs.exists('/data/dump.rdb')).toBe(true);
  });

  it('reads dir, appendonly and requirepass from a config file', () => {
    const fs = new MemoryTree(() => T0);
    fs.mkdir('/etc/redis', { recursive: true });
    fs.writeFile('/etc/redis/redis.conf', 'dir /var/redis\nappendonly no\nrequirepass "s3cret"\nsave 60 1\n');
    const { run } = setup(['/etc/redis/redis.conf'], fs);
    run('AUTH', 's3cret');
    expect(run('CONFIG', 'GET', 'dir')).toEqual({ type: 'array', value: [{ type: 'bulk', value: 'dir' }, { type: 'bulk', value: '/var/redis' }] });
    expect(run('CONFIG', 'GET', 'save')).toEqual({ type: 'array', value: [{ type: 'bulk', value: 'save' }, { type: 'bulk', value: '60 1' }] });
  });
});
