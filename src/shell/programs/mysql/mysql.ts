/** The mysql client (MySQL 8.0's `mysql`) in a container: connects over the pod network or the local socket and runs SQL. */
import { MYSQL_SOCKET, type ContainerSession, type ContainerSockets, type MysqlConnection, type MysqlReply } from '../../../cluster/client/types';
import type { Program, ProgramIO } from '../../program';
import { dialTcp } from '../net/dial';
import { boxTable, errorLine, summary, tabTable, verticalTable } from './format';
import { StatementBuffer, type Piece } from './input';
import { parseOptions, type MysqlOptions } from './options';

/** How replies are shown: the options plus what the terminal decided. */
type Style = MysqlOptions & { interactive: boolean; boxes: boolean };

function banner(c: MysqlConnection): string {
  return `Welcome to the MySQL monitor.  Commands end with ; or \\g.
Your MySQL connection id is ${c.connectionId}
Server version: ${c.serverVersion} MySQL Community Server - GPL

Copyright (c) 2000, 2024, Oracle and/or its affiliates.

Oracle is a registered trademark of Oracle Corporation and/or its
affiliates. Other names may be trademarks of their respective
owners.

Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.

`;
}

/** Opens the connection the options name, or prints the client's error and resolves undefined. */
async function connect(io: ProgramIO, session: ContainerSession & ContainerSockets, o: MysqlOptions): Promise<MysqlConnection | undefined> {
  const fail = (text: string) => {
    io.stderr.write(text + '\n');
    return undefined;
  };
  if (o.host === undefined || o.host === 'localhost') {
    const c = session.connectUnix?.(MYSQL_SOCKET);
    return c ?? fail(`ERROR 2002 (HY000): Can't connect to local MySQL server through socket '${MYSQL_SOCKET}' (2)`);
  }
  const dialed = await dialTcp(io, session, o.host, o.port);
  if (dialed === 'unresolved') return fail(`ERROR 2005 (HY000): Unknown MySQL server host '${o.host}' (-2)`);
  if (dialed === 'timeout') return fail(`ERROR 2003 (HY000): Can't connect to MySQL server on '${o.host}:${o.port}' (110)`);
  if (dialed === 'refused') return fail(`ERROR 2003 (HY000): Can't connect to MySQL server on '${o.host}:${o.port}' (111)`);
  // Another server's protocol: no MySQL handshake arrives.
  if (dialed.protocol !== 'mysql') return fail(`ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0`);
  return dialed;
}

/** Prints one reply; true when it was an error. */
function print(io: ProgramIO, reply: MysqlReply, o: Style, line?: number): boolean {
  if (reply.kind === 'error') {
    io.stderr.write(errorLine(reply, o.interactive ? undefined : line));
    return true;
  }
  if (reply.kind === 'rows') {
    // An empty result prints no table at all.
    if (reply.rows.length > 0) io.stdout.write(o.vertical ? verticalTable(reply) : o.boxes ? boxTable(reply) : tabTable(reply, !o.skipColumnNames));
  }
  if (o.interactive) io.stdout.write(summary(reply) + '\n');
  return false;
}

export function makeMysql(session: ContainerSession): Program {
  const sockets = session as ContainerSession & ContainerSockets;
  return async (io) => {
    const parsed = parseOptions(io.argv.slice(1));
    if (!parsed.ok) {
      io.stderr.write(parsed.error + '\n');
      return 1;
    }
    const o = parsed.options;
    if (o.passwordOnCommandLine) io.stderr.write('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
    const tty = io.ctx.tty;
    let password = o.password;
    if (password === '' && !o.passwordOnCommandLine) {
      // get_tty_password: asks on the terminal before connecting.
      const typed = tty ? await tty.readLine('Enter password: ', { echo: false }) : ((await io.stdin.read()) ?? '').split('\n')[0];
      password = typed ?? '';
    }
    const conn = await connect(io, sockets, o);
    if (!conn) return 1;
    const denied = conn.login(o.user, password || undefined, o.database);
    if (denied) {
      io.stderr.write(errorLine(denied));
      return 1;
    }
    const interactive = o.execute === undefined && tty !== undefined && io.stdin.isTTY && !o.batch;
    const boxes = o.table || (!o.batch && tty !== undefined && io.stdout.isTTY);
    const style = { ...o, interactive, boxes };
    try {
      if (!interactive) {
        const source = o.execute ?? (await io.stdin.readAll());
        return await runBatch(io, conn, source, style);
      }
      io.stdout.write(banner(conn));
      return await interactiveLoop(io, conn, style);
    } finally {
      conn.close();
    }
  };
}

async function runPiece(io: ProgramIO, conn: MysqlConnection, p: Piece, style: Style, line: number): Promise<boolean> {
  if (p.kind === 'use') {
    const reply = await conn.query(`USE \`${p.database}\``);
    if (reply.kind === 'error') return print(io, reply, style, line);
    if (style.interactive) io.stdout.write('Database changed\n');
    return false;
  }
  if (p.kind !== 'statement') return false;
  if (p.sql === '') {
    io.stderr.write(style.interactive ? 'ERROR: \nNo query specified\n\n' : '');
    return false;
  }
  return print(io, await conn.query(p.sql), { ...style, vertical: style.vertical || p.vertical }, line);
}

async function runBatch(io: ProgramIO, conn: MysqlConnection, source: string, style: Style): Promise<number> {
  const buffer = new StatementBuffer();
  const lines = source.split('\n');
  let start = 1;
  for (let n = 0; n < lines.length; n++) {
    if (!buffer.pending()) start = n + 1;
    for (const p of buffer.feed(lines[n])) {
      if (p.kind === 'quit') return 0;
      if (await runPiece(io, conn, p, style, start)) return 1;
      start = n + 1;
    }
  }
  // A last statement without `;` still runs at end of input.
  const rest = buffer.feed(';');
  for (const p of rest) if (p.kind === 'statement' && p.sql !== '' && (await runPiece(io, conn, p, style, start))) return 1;
  return 0;
}

async function interactiveLoop(io: ProgramIO, conn: MysqlConnection, style: Style): Promise<number> {
  const tty = io.ctx.tty!;
  const buffer = new StatementBuffer();
  for (;;) {
    const line = await tty.readLine(buffer.prompt());
    if (line === null || io.signal.aborted) {
      io.stdout.write('Bye\n');
      return 0;
    }
    for (const p of buffer.feed(line)) {
      if (p.kind === 'quit') {
        io.stdout.write('Bye\n');
        return 0;
      }
      await runPiece(io, conn, p, style, 1);
    }
  }
}
