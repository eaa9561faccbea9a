/** The programs a container's image has, by name and by path; names it lacks fail as its shell says. */
import type { ContainerSession } from '../../cluster/client/types';
import type { Program } from '../program';
import { coreutils } from '../programs/coreutils/index';
import { curl } from '../programs/net/curl';
import { makeDig } from '../programs/net/dig';
import { host } from '../programs/net/host';
import { nslookupBind, nslookupBusybox, nslookupBusybox128 } from '../programs/net/nslookup';
import { pingBusybox, pingIputils } from '../programs/net/ping';
import { wget } from '../programs/net/wget';
import { makeMysql } from '../programs/mysql/mysql';
import { makeRedisCli } from '../programs/redis/redis-cli';
import { df, id, mount, ps } from '../programs/system/system';

function implementation(name: string, session: ContainerSession): Program | undefined {
  const c = session.contents;
  switch (name) {
    case 'nslookup':
      return c.nslookup === 'bind' ? nslookupBind : c.nslookup === 'busybox-1.28' ? nslookupBusybox128 : nslookupBusybox;
    case 'ping':
      return c.ping === 'iputils' ? pingIputils : pingBusybox;
    case 'curl':
      return curl;
    case 'dig':
      return makeDig(c.bindVersion ?? '9.18.27');
    case 'host':
      return host;
    case 'wget':
      return wget;
    case 'id':
      return id;
    case 'df':
      return df;
    case 'mount':
      return mount;
    case 'ps':
      return ps;
    case 'mysql':
      return c.mysqlVersion ? makeMysql(session) : undefined;
    case 'redis-cli':
      return c.redisVersion ? makeRedisCli(session) : undefined;
    default:
      return coreutils[name];
  }
}

/** Where the image keeps its programs (busybox links applets into /bin; Debian uses /usr/bin). */
export function programDir(session: ContainerSession): string {
  return session.contents.prompt === 'ash' ? '/bin' : '/usr/bin';
}

export function podPrograms(session: ContainerSession): Record<string, Program> {
  const table: Record<string, Program> = {};
  const dir = programDir(session);
  for (const name of session.contents.programs) {
    const p = implementation(name, session);
    if (!p) continue;
    table[name] = p;
    table[`${dir}/${name}`] = p;
  }
  if (session.contents.prompt !== 'ash') return table;
  // ash reports unknown commands as `sh: dig: not found`; bash's own text is the Shell default.
  return new Proxy(table, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      return notFound;
    },
  });
}

const notFound: Program = async (io) => {
  io.stderr.write(`sh: ${io.argv[0]}: not found\n`);
  return 127;
};
