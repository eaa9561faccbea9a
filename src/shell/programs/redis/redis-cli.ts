/** redis-cli in a container: one command from its arguments, commands from stdin, or the interactive prompt. */
import type { ContainerSession, ContainerSockets, RedisConnection, RespReply } from '../../../cluster/client/types';
import type { Program, ProgramIO } from '../../program';
import { dialTcp } from '../net/dial';
import { formatRaw, formatTty, splitLine } from './format';

interface CliOptions {
  host: string;
  port: number;
  password?: string;
  db: number;
  noAuthWarning: boolean;
  raw?: boolean;
  command: string[];
}

function parseArgs(args: string[], env: Record<string, string>): CliOptions | string {
  const o: CliOptions = { host: '127.0.0.1', port: 6379, db: 0, noAuthWarning: false, command: [], password: env.REDISCLI_AUTH };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const last = i === args.length - 1;
    if (a === '-h' && !last) o.host = args[++i];
    else if (a === '-p' && !last) o.port = Number(args[++i]) || 0;
    else if ((a === '-a' || a === '--pass') && !last) o.password = args[++i];
    else if (a === '-n' && !last) o.db = Number(args[++i]) || 0;
    else if (a === '--no-auth-warning') o.noAuthWarning = true;
    else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a.startsWith('-') && a.length > 1) return `Unrecognized option or bad number of args for: '${a}'`;
    else {
      o.command = args.slice(i);
      break;
    }
  }
  return o;
}

class Client {
  conn?: RedisConnection;
  db = 0;

  constructor(
    private readonly io: ProgramIO,
    private readonly session: ContainerSession & ContainerSockets,
    readonly o: CliOptions,
  ) {}

  /** Connects (then AUTH and SELECT as the options ask); prints redis-cli's error and returns false on failure. */
  async connect(): Promise<boolean> {
    const { io, o } = this;
    const fail = (why: string) => {
      io.stderr.write(`Could not connect to Redis at ${o.host}:${o.port}: ${why}\n`);
      return false;
    };
    const dialed = await dialTcp(io, this.session, o.host === 'localhost' ? '127.0.0.1' : o.host, o.port);
    if (dialed === 'unresolved') return fail(this.session.contents.prompt === 'ash' ? 'Name does not resolve' : 'Name or service not known');
    if (dialed === 'timeout') return fail('Connection timed out');
    if (dialed === 'refused') return fail('Connection refused');
    if (dialed.protocol !== 'redis') return fail('Connection reset by peer');
    this.conn = dialed;
    if (o.password !== undefined) {
      const r = this.conn.command(['AUTH', o.password]);
      if (r.type === 'error') io.stderr.write(`AUTH failed: ${r.value}\n`);
    }
    if (o.db !== 0) {
      const r = this.conn.command(['SELECT', String(o.db)]);
      if (r.type === 'error') io.stderr.write(`SELECT ${o.db} failed: ${r.value}\n`);
      else this.db = o.db;
    }
    return true;
  }

  send(args: string[]): RespReply {
    const reply = this.conn!.command(args);
    if (args[0].toLowerCase() === 'select' && reply.type === 'status') this.db = Number(args[1]);
    return reply;
  }

  prompt(): string {
    if (!this.conn || this.conn.closed) return 'not connected> ';
    return `${this.o.host}:${this.o.port}${this.db ? `[${this.db}]` : ''}> `;
  }
}

/** INFO (and a few others) print their text as it is, even on a terminal. */
const RAW_ALWAYS = new Set(['info', 'lolwut']);

function print(io: ProgramIO, args: string[], reply: RespReply, raw: boolean): void {
  if (raw || (RAW_ALWAYS.has(args[0].toLowerCase()) && reply.type === 'bulk')) io.stdout.write(formatRaw(reply) + '\n');
  else io.stdout.write(formatTty(reply));
}

export function makeRedisCli(session: ContainerSession): Program {
  const sockets = session as ContainerSession & ContainerSockets;
  return async (io) => {
    const parsed = parseArgs(io.argv.slice(1), io.env);
    if (typeof parsed === 'string') {
      io.stderr.write(parsed + '\n');
      return 1;
    }
    if (parsed.password !== undefined && parsed.password !== io.env.REDISCLI_AUTH && !parsed.noAuthWarning) {
      io.stderr.write("Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");
    }
    // No terminal: piped, or `kubectl exec` without -it (kubelab's exec hands a terminal only to -it).
    const raw = parsed.raw ?? (!io.stdout.isTTY || io.ctx.tty === undefined);
    const client = new Client(io, sockets, parsed);
    if (parsed.command.length) {
      if (!(await client.connect())) return 1;
      print(io, parsed.command, client.send(parsed.command), raw);
      return 0;
    }
    const tty = io.ctx.tty;
    if (!tty || !io.stdin.isTTY) {
      // Commands from stdin, one a line.
      if (!(await client.connect())) return 1;
      for (const line of (await io.stdin.readAll()).split('\n')) {
        const args = splitLine(line);
        if (!args?.length) continue;
        print(io, args, client.send(args), raw);
        if (client.conn!.closed) break;
      }
      return 0;
    }
    await client.connect();
    for (;;) {
      const line = await tty.readLine(client.prompt());
      if (line === null || io.signal.aborted) return 0;
      const args = splitLine(line);
      if (args === undefined) {
        io.stdout.write('Invalid argument(s)\n');
        continue;
      }
      if (!args.length) continue;
      const name = args[0].toLowerCase();
      if (name === 'quit' || name === 'exit') return 0;
      if ((!client.conn || client.conn.closed) && !(await client.connect())) continue;
      print(io, args, client.send(args), raw);
    }
  };
}
