/** INFO: the sections redis-server reports, `field:value` lines under `# Section` headers, CRLF-terminated. */
import type { RedisServer } from './server';
import { fnv32 } from '../../controllers/statefulset/revision-utils';

interface InfoStats {
  connections: number;
  commands: number;
}

const DEFAULT_SECTIONS = ['server', 'clients', 'persistence', 'stats', 'replication', 'cluster', 'keyspace'];

/** A stable 40-hex id from a seed (run_id, replid): no random draw. */
function hexId(seed: string): string {
  let h: number | undefined;
  let out = '';
  while (out.length < 40) {
    h = fnv32(seed + out.length, h);
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

export function serverInfo(s: RedisServer, requested: string[], stats: InfoStats): string {
  const now = s.now();
  const uptime = Math.max(0, Math.floor((now - s.instance.startedAt) / 1000));
  const all = requested.includes('all') || requested.includes('everything');
  const wanted = requested.length === 0 || requested.includes('default') || all ? DEFAULT_SECTIONS : requested;
  const sections: Record<string, string[]> = {
    server: [
      `redis_version:${s.version}`,
      'redis_git_sha1:00000000',
      'redis_git_dirty:0',
      'redis_mode:standalone',
      'os:Linux 6.8.0-1015-gcp x86_64',
      'arch_bits:64',
      'multiplexing_api:epoll',
      'process_id:1',
      `run_id:${hexId(s.instance.podUID + s.instance.startedAt)}`,
      `tcp_port:${s.config.port}`,
      `server_time_usec:${now * 1000}`,
      `uptime_in_seconds:${uptime}`,
      `uptime_in_days:${Math.floor(uptime / 86400)}`,
      'executable:/data/redis-server',
      `config_file:${s.config.configFile ?? ''}`,
    ],
    clients: [`connected_clients:1`, 'blocked_clients:0'],
    persistence: [
      'loading:0',
      'async_loading:0',
      `rdb_changes_since_last_save:${s.dirty}`,
      'rdb_bgsave_in_progress:0',
      `rdb_last_save_time:${Math.floor(s.lastSave / 1000)}`,
      'rdb_last_bgsave_status:ok',
      `aof_enabled:${s.config.appendonly ? 1 : 0}`,
      'aof_rewrite_in_progress:0',
      'aof_last_write_status:ok',
    ],
    stats: [`total_connections_received:${stats.connections}`, `total_commands_processed:${stats.commands}`],
    replication: ['role:master', 'connected_slaves:0', `master_replid:${hexId(s.instance.podUID)}`, 'master_replid2:0000000000000000000000000000000000000000', 'master_repl_offset:0'],
    cluster: ['cluster_enabled:0'],
    keyspace: s.ks.dbs.map((_, i) => i).filter((i) => s.ks.size(i) > 0).map((i) => `db${i}:keys=${s.ks.size(i)},expires=${s.ks.expires(i)},avg_ttl=0`),
  };
  const out: string[] = [];
  for (const name of DEFAULT_SECTIONS) {
    if (!wanted.includes(name)) continue;
    if (out.length) out.push('');
    out.push(`# ${name[0].toUpperCase()}${name.slice(1)}`, ...sections[name]);
  }
  return out.map((l) => `${l}\r\n`).join('');
}
