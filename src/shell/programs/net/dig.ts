/**
 * BIND 9.18's dig against the cluster DNS: no search list unless +search, one
 * query, the reply in dig's sections (or +short's data only). CoreDNS answers
 * cluster names authoritatively without recursion and sends its SOA with a
 * negative answer; other names would be forwarded upstream (kubelab has none).
 */
import type { DnsReply, DnsType } from '../../../cluster/client/types';
import type { Program, ProgramIO } from '../../program';
import { columns, fqdn, hashHex, rdata, recordLine, replySize } from './bind-format';
import { candidates, readResolvConf } from './resolver';
import { MONTHS, WEEKDAYS } from '../../../cluster/calendar';

const TYPES: DnsType[] = ['A', 'AAAA', 'SRV', 'PTR'];
const ZONE = 'cluster.local';

interface DigArgs {
  name?: string;
  type: DnsType;
  server?: string;
  short: boolean;
  search: boolean;
  /** What +[no]cmd, +[no]comments, +[no]question … +[no]stats and +noall leave shown. */
  show: Record<Part, boolean>;
}

const PARTS = ['cmd', 'comments', 'question', 'answer', 'authority', 'additional', 'stats'] as const;
type Part = (typeof PARTS)[number];

function parse(argv: string[]): DigArgs | string {
  const args: DigArgs = { type: 'A', short: false, search: false, show: Object.fromEntries(PARTS.map((p) => [p, true])) as Record<Part, boolean> };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('@')) args.server = a.slice(1);
    else if (a === '+short') args.short = true;
    else if (a === '+search') args.search = true;
    else if (a === '+nosearch') args.search = false;
    else if (a === '+noall' || a === '+all') for (const p of PARTS) args.show[p] = a === '+all';
    else if (a.startsWith('+')) {
      const part = a.replace(/^\+(no)?/, '') as Part;
      if (PARTS.includes(part)) args.show[part] = !a.startsWith('+no');
    }
    else if (a === '-x') {
      const ip = argv[++i] ?? '';
      args.name = `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
      args.type = 'PTR';
    } else if (a === '-t') args.type = (argv[++i] ?? 'A').toUpperCase() as DnsType;
    else if (TYPES.includes(a.toUpperCase() as DnsType)) args.type = a.toUpperCase() as DnsType;
    else if (a.startsWith('-')) return `Invalid option: ${a}`;
    else args.name = a;
  }
  return args;
}

/** `Wed Oct 07 19:04:04 UTC 2026`, as dig's WHEN line prints the time. */
function when(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** What changed in dig's output across BIND releases: cookies (9.11), the mDNS warning (by 9.11), 1232-byte EDNS (9.16), the transport (9.17). */
function features(version: string) {
  const minor = Number(version.split('.')[1]);
  return { cookie: minor >= 11, mdnsWarning: minor >= 11, udp: minor >= 16 ? 1232 : 4096, transport: minor >= 17 };
}

/** dig of a BIND release (`9.18.27`, `9.9.5-9+deb8u19-Debian`). */
export function makeDig(version: string): Program {
  const has = features(version);
  return (io) => dig(io, version, has);
}

async function dig(io: ProgramIO, version: string, has: ReturnType<typeof features>): Promise<number> {
  const args = parse(io.argv.slice(1));
  if (typeof args === 'string') {
    io.stderr.write(`${args}\n`);
    return 1;
  }
  const conf = readResolvConf(io);
  const server = args.server ?? conf.nameserver;
  const name = (args.name ?? '.').replace(/\.$/, '') || '.';
  let queried = name;
  let reply: DnsReply = await io.ctx.client.dns({ name, type: args.type });
  if (args.search && !args.name?.endsWith('.')) {
    for (const candidate of candidates(name, conf)) {
      const r = await io.ctx.client.dns({ name: candidate, type: args.type });
      queried = candidate;
      reply = r;
      if (r.rcode === 'NOERROR') break;
    }
  }
  if (args.short) {
    for (const r of reply.answers) io.stdout.write(`${rdata(r)}\n`);
    return 0;
  }
  const inZone = queried === ZONE || queried.endsWith(`.${ZONE}`);
  // CoreDNS serves the cluster zone and the reverse zones itself (aa, no recursion); anything else it forwards.
  const authoritative = inZone || reply.authoritative;
  const now = io.ctx.clock.now();
  const seed = `${queried}/${args.type}/${now}`;
  const soa = inZone && reply.answers.length === 0 ? columns([`${ZONE}.`, '30', 'IN', 'SOA', `ns.dns.${ZONE}. hostmaster.${ZONE}. ${Math.floor(now / 1000)} 7200 1800 86400 30`], [24, 32, 40, 48]) : undefined;
  const flags = authoritative ? 'qr aa rd' : 'qr rd ra';
  const { show } = args;
  const section = (title: string, lines: string[]) => (show.comments ? `;; ${title} SECTION:\n${lines.map((l) => l + '\n').join('')}\n` : lines.map((l) => l + '\n').join(''));
  let out = '';
  if (show.cmd) out += `\n; <<>> DiG ${version} <<>> ${io.argv.slice(1).join(' ')}\n${args.server ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  if (show.comments) {
    out += ';; Got answer:\n';
    if (has.mdnsWarning && (queried === 'local' || queried.endsWith('.local'))) out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${parseInt(hashHex(seed, 4), 16)}\n`;
    out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: ${soa ? 1 : 0}, ADDITIONAL: ${reply.additional.length + 1}\n`;
    if (authoritative) out += ';; WARNING: recursion requested but not available\n';
    out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${has.udp}\n`;
    if (has.cookie) out += `; COOKIE: ${hashHex(seed + '/cookie', 16)} (echoed)\n`;
  }
  if (show.question) out += section('QUESTION', [columns([`;${fqdn(queried)}`, 'IN', args.type], [32, 40])]);
  if (show.answer && reply.answers.length) out += section('ANSWER', reply.answers.map(recordLine));
  if (show.authority && soa) out += section('AUTHORITY', [soa]);
  if (show.additional && reply.additional.length) out += section('ADDITIONAL', reply.additional.map(recordLine));
  const soaSize = soa ? 15 + 10 + 22 + 26 + 20 : 0;
  if (show.stats) out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server})${has.transport ? ' (UDP)' : ''}\n;; WHEN: ${when(now)}\n;; MSG SIZE  rcvd: ${replySize(queried, reply, soaSize, has.cookie)}\n\n`;
  io.stdout.write(out);
  return 0;
}
