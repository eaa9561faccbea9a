/**
 * redis-server in a container: it starts with the container (loading its
 * dir's snapshot or AOF and logging as redis does), serves connections, saves
 * by its save rules on the simulated clock, on SAVE/BGSAVE and on SIGTERM.
 * The dataset lives in memory between saves, as in redis.
 */
import type { Obj } from '../../controllers/runtime/resources';
import type { ContainerInstance } from '../runtime';
import { familyFor } from '../../images/catalogue';
import { runsImageServerProcess, serverArgv } from '../../images/process';
import { parseImage } from '../../images/reference';
import { parseServerArgs, type RedisConfig } from './config';
import { Keyspace, globMatch } from './keyspace';
import { aofFiles, createAof, decodeCommands, decodeSnapshot, encodeCommand, encodeSnapshot, readFile, type Snapshot } from './persistence';
import { logLine, rdbLoadLines, readyLine, startBanner } from './log-format';
import { execute, type ConnectionState } from './dispatch';
import { serverInfo } from './info';
import type { CommandContext, ServerCommands } from './command-context';
import { err, ok, type RedisConnection, type RespReply } from './types';

export class RedisServer {
  readonly ks: Keyspace;
  dirty = 0;
  lastSave: number;
  private lastWriteAt = 0;
  private aofDb = 0;
  private nextChildPid = 20;
  private totalCommands = 0;
  private connections = 0;
  listening = true;

  constructor(
    readonly instance: ContainerInstance,
    readonly config: RedisConfig,
    readonly now: () => number,
  ) {
    this.ks = new Keyspace(now);
    this.lastSave = now();
  }

  get version(): string {
    return this.instance.contents.redisVersion!;
  }

  private log(...lines: string[]): void {
    this.instance.log(...lines);
  }

  private snapshot(): Snapshot {
    return { version: this.version, ctime: this.now(), dbs: this.ks.snapshot() };
  }

  /** Loads what the dir holds; logs it when `log` (a container start, not a resumed lab). */
  load(log: boolean): void {
    const at = this.now();
    const c = this.config;
    const fs = this.instance.fs;
    const lines = startBanner(at, this.version, c.port, c.configured);
    fs.mkdir(c.dir, { recursive: true });
    if (c.appendonly) {
      const f = aofFiles(c);
      const base = decodeSnapshot(readFile(fs, f.base) ?? '');
      if (base && readFile(fs, f.manifest) !== undefined) {
        const { loaded, expired } = this.ks.load(base.dbs);
        const incr = decodeCommands(readFile(fs, f.incr) ?? '') ?? [];
        this.replay(incr);
        lines.push(logLine(at + 2, 'Reading RDB base file on AOF loading...'), ...rdbLoadLines(at + 2, { version: base.version, ageSeconds: Math.max(0, Math.floor((at - base.ctime) / 1000)), keys: loaded, expired, base: true }));
        lines.push(logLine(at + 3, 'DB loaded from append only file: 0.000 seconds'), logLine(at + 3, `Opening AOF incr file ${f.incrName} on server start`));
      } else {
        // redis 7 starts a missing AOF from the (empty) dataset: a snapshot in dir is not read.
        createAof(fs, c, this.snapshot());
        lines.push(logLine(at + 3, `Creating AOF base file ${f.baseName} on server start`), logLine(at + 3, `Creating AOF incr file ${f.incrName} on server start`));
      }
    } else {
      const rdb = readFile(fs, `${c.dir}/${c.dbfilename}`);
      const snap = rdb === undefined ? undefined : decodeSnapshot(rdb);
      if (snap) {
        const { loaded, expired } = this.ks.load(snap.dbs);
        lines.push(...rdbLoadLines(at + 2, { version: snap.version, ageSeconds: Math.max(0, Math.floor((at - snap.ctime) / 1000)), keys: loaded, expired }), logLine(at + 2, 'DB loaded from disk: 0.000 seconds'));
      }
    }
    lines.push(readyLine(at + 3, this.version));
    if (log) this.log(...lines);
  }

  private replay(commands: string[][]): void {
    const state: ConnectionState = { db: 0, authed: true, closed: false };
    const ctx = (): CommandContext => ({ ks: this.ks, db: state.db, now: this.now, wrote: () => undefined, server: this.commands() });
    for (const args of commands) {
      if (args[0]?.toLowerCase() === 'select') state.db = Number(args[1]) || 0;
      else execute(ctx(), state, args);
    }
  }

  /** Writes dump.rdb (and logs as SAVE does). */
  private writeRdb(): void {
    this.instance.fs.mkdir(this.config.dir, { recursive: true });
    this.instance.fs.writeFile(`${this.config.dir}/${this.config.dbfilename}`, encodeSnapshot(this.snapshot()));
    this.dirty = 0;
    this.lastSave = this.now();
  }

  save(): RespReply {
    this.writeRdb();
    this.log(logLine(this.now(), 'DB saved on disk'));
    return ok();
  }

  /** BGSAVE: a forked child writes the snapshot (done at once in kubelab) and the parent reports it. */
  bgsave(at = this.now()): void {
    const pid = this.nextChildPid++;
    this.writeRdb();
    this.log(
      logLine(at, `Background saving started by pid ${pid}`),
      logLine(at + 5, 'DB saved on disk', { pid, role: 'C' }),
      logLine(at + 5, 'Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB', { pid, role: 'C' }),
      logLine(at + 100, 'Background saving terminated with success'),
    );
  }

  /** serverCron's save points, caught up to now: a save is due once `changes` writes are `seconds` old since the last save. */
  tick(): void {
    if (!this.listening || this.dirty === 0) return;
    const now = this.now();
    for (const [seconds, changes] of this.config.save) {
      const due = Math.max(this.lastSave + seconds * 1000, this.lastWriteAt);
      if (this.dirty >= changes && due <= now) {
        this.log(logLine(due, `${changes} changes in ${seconds} seconds. Saving...`));
        this.bgsave(due);
        return;
      }
    }
  }

  /** The container stops: on SIGTERM redis saves (when it has save points) and exits; a kill loses what was not saved. */
  stop(graceful: boolean): void {
    if (!this.listening) return;
    this.listening = false;
    if (!graceful) return;
    const at = this.now();
    this.log(`1:signal-handler (${Math.floor(at / 1000)}) Received SIGTERM scheduling shutdown...`, logLine(at + 50, 'User requested shutdown...'));
    if (this.config.appendonly) this.log(logLine(at + 50, 'Calling fsync() on the AOF file.'));
    if (this.config.save.length) {
      this.writeRdb();
      this.log(logLine(at + 50, 'Saving the final RDB snapshot before exiting.'), logLine(at + 55, 'DB saved on disk'));
    }
    this.log(logLine(at + 55, 'Redis is now ready to exit, bye bye...', { warning: true }));
  }

  private wrote(state: ConnectionState, args: string[], changes: number, propagate?: string[][]): void {
    this.dirty += changes;
    this.lastWriteAt = this.now();
    if (!this.config.appendonly) return;
    let text = '';
    if (this.aofDb !== state.db) text += encodeCommand(['SELECT', String((this.aofDb = state.db))]);
    for (const cmd of propagate ?? [args]) text += encodeCommand(cmd);
    const f = aofFiles(this.config);
    if (!this.instance.fs.exists(f.dir)) createAof(this.instance.fs, this.config, this.snapshot());
    this.instance.fs.appendFile(f.incr, text);
  }

  private commands(): ServerCommands {
    return {
      save: () => this.save(),
      bgsave: () => {
        this.bgsave();
        return ok('Background saving started');
      },
      lastsave: () => Math.floor(this.lastSave / 1000),
      info: (sections) => serverInfo(this, sections, { connections: this.connections, commands: this.totalCommands }),
      configGet: (patterns) => configGet(this.config, patterns),
    };
  }

  connect(): RedisConnection {
    const state: ConnectionState = { db: 0, authed: this.config.requirepass === '', closed: false };
    this.connections++;
    const server = this;
    return {
      protocol: 'redis',
      get closed() {
        return state.closed || !server.listening || !server.instance.running;
      },
      command(args) {
        if (this.closed) return err('ERR connection closed');
        server.tick();
        server.totalCommands++;
        const ctx: CommandContext = { ks: server.ks, db: state.db, now: server.now, wrote: (changes, propagate) => server.wrote(state, args, changes, propagate), server: server.commands() };
        return execute(ctx, state, args, server.config.requirepass);
      },
      close() {
        state.closed = true;
      },
    };
  }
}

function configGet(c: RedisConfig, patterns: string[]): string[] {
  const values: Record<string, string> = {
    dir: c.dir,
    dbfilename: c.dbfilename,
    appendonly: c.appendonly ? 'yes' : 'no',
    appendfilename: c.appendfilename,
    appenddirname: c.appenddirname,
    port: String(c.port),
    requirepass: c.requirepass,
    save: c.save.map(([s, n]) => `${s} ${n}`).join(' '),
    databases: String(c.databases),
  };
  const out: string[] = [];
  // CONFIG GET matches without case, as stringmatch's nocase.
  for (const [k, v] of Object.entries(values)) if (patterns.some((p) => globMatch(p.toLowerCase(), k))) out.push(k, v);
  return out;
}

const servers = new WeakMap<ContainerInstance, RedisServer | null>();

/** Whether the container's main process is redis-server, by the kubelet's own rule for an image running its server. */
export function runsRedis(instance: ContainerInstance, container: Obj | undefined): boolean {
  return !!instance.contents.redisVersion && runsImageServerProcess(instance, container);
}

/**
 * Starts the container's server as its container starts: `log` for a fresh
 * start (banner, load, ready); a container resumed from a saved lab takes its
 * server back from its files without a new start in the log. Undefined when the
 * configuration is fatal (logged) or the container does not run redis.
 */
export function startRedis(instance: ContainerInstance, container: Obj | undefined, now: () => number, log: boolean): RedisServer | undefined {
  const known = servers.get(instance);
  if (known !== undefined) return known ?? undefined;
  if (!runsRedis(instance, container)) return undefined;
  const family = familyFor(parseImage(instance.image).name)!;
  const parsed = parseServerArgs(serverArgv(family, container!), (p) => readFile(instance.fs, p.startsWith('/') ? p : `/data/${p}`), instance.contents.redisVersion!);
  if (!parsed.ok) {
    if (log) instance.log(...parsed.error);
    servers.set(instance, null);
    return undefined;
  }
  const server = new RedisServer(instance, parsed.config, now);
  server.load(log);
  servers.set(instance, server);
  return server;
}

/** The server the container runs, once started. */
export function redisServerOf(instance: ContainerInstance): RedisServer | undefined {
  return servers.get(instance) ?? undefined;
}

/** The container stopped: SIGTERM (graceful) lets redis save; a kill does not. */
export function redisStopped(instance: ContainerInstance, graceful: boolean): void {
  servers.get(instance)?.stop(graceful);
}

/** A client connection to the server in `instance` on `port`, or undefined when nothing listens there. */
export function redisConnect(instance: ContainerInstance, port: number): RedisConnection | undefined {
  const server = redisServerOf(instance);
  if (!server || !server.listening || !instance.running || server.config.port !== port) return undefined;
  return server.connect();
}
