/** What the official mysql image's entrypoint and mysqld print as the container starts (`kubectl logs`). */

import { datetime } from './values';

/** The entrypoint's own time: 2024-12-12 10:00:00+00:00. */
const entrypointTime = (ms: number): string => `${datetime(ms)}+00:00`;

/** mysqld's error-log time: 2024-12-12T10:00:00.123456Z. */
function serverTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export interface StartupLogOptions {
  /** `8.0.40`. */
  version: string;
  /** The package release the entrypoint names (`8.0.40-1.el9`). */
  packageVersion: string;
  /** The data directory was empty: the entrypoint initializes it first. */
  initialize: boolean;
  /** Databases the entrypoint creates (MYSQL_DATABASE). */
  database?: string;
}

function serverStart(t: (ms: number) => string, at: number, version: string, pid: number, port: number): string[] {
  return [
    `${t(at)} 0 [Warning] [MY-011068] [Server] The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.`,
    `${t(at + 2)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${version}) starting as process ${pid}`,
    `${t(at + 15)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${t(at + 420)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${t(at + 700)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${t(at + 701)} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${t(at + 705)} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${t(at + 730)} 0 [System] [MY-011323] [Server] X Plugin ready for connections. ${port ? 'Bind-address: \'::\' port: 33060, socket' : 'Socket'}: /var/run/mysqld/mysqlx.sock`,
    `${t(at + 731)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: ${port}  MySQL Community Server - GPL.`,
  ];
}

export function mysqlStartupLog(startedAt: number, o: StartupLogOptions): string[] {
  const e = (ms: number) => `${entrypointTime(startedAt + ms)} [Note] [Entrypoint]:`;
  const s = (ms: number) => serverTime(startedAt + ms);
  const lines = [
    `${e(0)} Entrypoint script for MySQL Server ${o.packageVersion} started.`,
    `${e(120)} Switching to dedicated user 'mysql'`,
    `${e(140)} Entrypoint script for MySQL Server ${o.packageVersion} started.`,
  ];
  if (!o.initialize) return [...lines, ...serverStart(s, 400, o.version, 1, 3306)];
  lines.push(
    `${e(300)} Initializing database files`,
    `${s(310)} 0 [Warning] [MY-011068] [Server] The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.`,
    `${s(312)} 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld ${o.version}) initializing of server in progress as process 80`,
    `${s(330)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${s(900)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${s(2800)} 6 [Warning] [MY-010453] [Server] root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.`,
    `${e(6000)} Database files initialized`,
    `${e(6010)} Starting temporary server`,
    ...serverStart(s, 6020, o.version, 124, 0),
    `${e(7000)} Temporary server started.`,
    `'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'`,
    ...['iso3166.tab', 'leap-seconds.list', 'leapseconds', 'tzdata.zi', 'zone.tab', 'zone1970.tab'].map((f) => `Warning: Unable to load '/usr/share/zoneinfo/${f}' as time zone. Skipping it.`),
  );
  if (o.database) lines.push(`${e(8900)} Creating database ${o.database}`);
  lines.push(
    '',
    `${e(9000)} Stopping temporary server`,
    `${s(9010)} 10 [System] [MY-013172] [Server] Received SHUTDOWN from user root. Shutting down mysqld (Version: ${o.version}).`,
    `${s(10500)} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${o.version})  MySQL Community Server - GPL.`,
    `${e(11000)} Temporary server stopped`,
    '',
    `${e(11010)} MySQL init process done. Ready for start up.`,
    '',
    ...serverStart(s, 11200, o.version, 1, 3306),
  );
  return lines;
}
