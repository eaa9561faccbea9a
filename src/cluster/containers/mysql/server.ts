/**
 * mysqld in a container: as the container starts it does what the official
 * image's entrypoint does (initializing an empty data directory, logging),
 * then accepts connections that authenticate against the users the
 * initialization stored and run SQL on the data directory's files.
 */
import type { Obj } from '../../controllers/runtime/resources';
import type { ContainerInstance } from '../runtime';
import { runsImageServerProcess } from '../../images/process';
import { DataDir, DATADIR } from './datadir';
import type { SqlSession } from './engine';
import type { ServerInfo } from './eval';
import { mysqlStartupLog } from './startup-log';
import { sqlError, type MysqlConnection } from './types';

export const MYSQL_SOCKET = '/var/run/mysqld/mysqld.sock';
const PID_FILE = '/var/run/mysqld/mysqld.pid';
/** Where kubelab keeps the accounts (real mysqld keeps them in the dictionary, mysql.ibd). */
const USERS_FILE = `${DATADIR}/mysql.ibd`;

interface Account {
  user: string;
  host: string;
  password: string | null;
}

/** Whether the container's main process is mysqld, by the kubelet's own rule for an image running its server (planProcess). */
export function runsMysqld(instance: ContainerInstance, container: Obj | undefined): boolean {
  return !!instance.contents.mysqlVersion && runsImageServerProcess(instance, container);
}

/** Brings the server up if this container has not yet: the datadir initialized, the start logged, socket and pid file in place. */
export function ensureMysqld(instance: ContainerInstance): void {
  const fs = instance.fs;
  if (fs.exists(PID_FILE)) return;
  const env = instance.env;
  const initialize = !fs.exists(`${DATADIR}/mysql`);
  if (initialize) initializeDatadir(instance);
  const version = instance.contents.mysqlVersion!;
  instance.log(...mysqlStartupLog(instance.startedAt, { version, packageVersion: env.MYSQL_VERSION ?? version, initialize, database: env.MYSQL_DATABASE || undefined }));
  fs.mkdir('/var/run/mysqld', { recursive: true });
  fs.writeFile(PID_FILE, '1\n');
  fs.writeFile(MYSQL_SOCKET, '');
}

function initializeDatadir(instance: ContainerInstance): void {
  const fs = instance.fs;
  const env = instance.env;
  fs.mkdir(DATADIR, { recursive: true });
  for (const dir of ['#innodb_redo', '#innodb_temp', 'mysql', 'performance_schema', 'sys']) fs.mkdir(`${DATADIR}/${dir}`, { recursive: true });
  for (const file of ['ibdata1', 'ibtmp1', 'undo_001', 'undo_002', 'binlog.000001', 'binlog.000002']) fs.writeFile(`${DATADIR}/${file}`, '');
  fs.writeFile(`${DATADIR}/binlog.index`, './binlog.000001\n./binlog.000002\n');
  fs.writeFile(`${DATADIR}/auto.cnf`, `[auto]\nserver-uuid=${uuidFrom(instance.podUID)}\n`);
  const root = env.MYSQL_ROOT_PASSWORD !== undefined && env.MYSQL_ROOT_PASSWORD !== '' ? env.MYSQL_ROOT_PASSWORD : env.MYSQL_ALLOW_EMPTY_PASSWORD ? '' : null;
  const rootHost = env.MYSQL_ROOT_HOST || '%';
  const accounts: Account[] = [{ user: 'root', host: 'localhost', password: root }];
  if (rootHost !== 'localhost') accounts.push({ user: 'root', host: rootHost, password: root });
  if (env.MYSQL_USER && env.MYSQL_PASSWORD !== undefined) accounts.push({ user: env.MYSQL_USER, host: '%', password: env.MYSQL_PASSWORD });
  fs.writeFile(USERS_FILE, JSON.stringify({ accounts }));
  if (env.MYSQL_DATABASE) fs.mkdir(`${DATADIR}/${env.MYSQL_DATABASE}`, { recursive: true });
}

function uuidFrom(seed: string): string {
  const hex = seed.replace(/[^0-9a-f]/gi, '').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const connectionIds = new WeakMap<ContainerInstance, { next: number }>();

// The SQL engine loads on the first query: most labs never run one, and the lab starts without it.
let engine: Promise<typeof import('./engine')> | undefined;
const loadEngine = () => (engine ??= import('./engine'));

/** Loads the SQL engine ahead of a first query (hosts that cannot wait on loading mid-command, and idle time). */
export function preloadSqlEngine(): Promise<void> {
  return loadEngine().then(() => undefined);
}

/** A new connection to the server in `instance`, from `clientHost` (an IP, or `localhost` over the socket). */
export function mysqlConnect(instance: ContainerInstance, clientHost: string, now: () => number): MysqlConnection {
  ensureMysqld(instance);
  let ids = connectionIds.get(instance);
  if (!ids) connectionIds.set(instance, (ids = { next: 8 }));
  const connectionId = ids.next++;
  const data = new DataDir(instance.fs);
  const server: ServerInfo = { version: instance.contents.mysqlVersion!, hostname: instance.hostname, serverId: 1, port: 3306, now };
  let session: SqlSession | undefined;
  let login: { user: string; database?: string } | undefined;
  let closed = false;
  return {
    protocol: 'mysql',
    serverVersion: server.version,
    connectionId,
    login(user, password, database) {
      const accounts = readAccounts(instance);
      const account = accounts.find((a) => a.user === user && (a.host === '%' || a.host === clientHost));
      if (!account || account.password === null || account.password !== (password ?? '')) {
        closed = true;
        return sqlError(1045, '28000', `Access denied for user '${user}'@'${clientHost}' (using password: ${password ? 'YES' : 'NO'})`);
      }
      if (database !== undefined && !data.hasDatabase(database)) {
        closed = true;
        return sqlError(1049, '42000', `Unknown database '${database}'`);
      }
      login = { user: `${user}@${account.host}`, database };
      return undefined;
    },
    async query(sql) {
      if (closed || !login || !instance.running) return sqlError(2013, 'HY000', 'Lost connection to MySQL server during query');
      if (!session) {
        const { SqlSession } = await loadEngine();
        session = new SqlSession(data, server, login.user);
        if (login.database !== undefined) session.database = login.database;
      }
      return session.run(sql);
    },
    close() {
      closed = true;
    },
  };
}

function readAccounts(instance: ContainerInstance): Account[] {
  try {
    return (JSON.parse(instance.fs.readFile(USERS_FILE)) as { accounts: Account[] }).accounts;
  } catch {
    return [];
  }
}
