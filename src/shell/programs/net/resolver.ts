/** A pod's stub resolver: /etc/hosts first, then the cluster DNS over resolv.conf's search list and ndots. */
import type { DnsReply } from '../../../cluster/client/types';
import type { ProgramIO } from '../../program';

export interface ResolvConf {
  nameserver: string;
  searches: string[];
  ndots: number;
}

export function readResolvConf(io: ProgramIO): ResolvConf {
  const conf: ResolvConf = { nameserver: '10.96.0.10', searches: [], ndots: 1 };
  let text = '';
  try {
    text = io.fs.readFile('/etc/resolv.conf');
  } catch {
    return conf;
  }
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) conf.nameserver = rest[0];
    if (key === 'search') conf.searches = rest;
    if (key === 'options') for (const o of rest) if (o.startsWith('ndots:')) conf.ndots = Number(o.slice(6));
  }
  return conf;
}

/** /etc/hosts entries for a name (localhost, the pod's own names). */
export function hostsLookup(io: ProgramIO, name: string): string | undefined {
  let text = '';
  try {
    text = io.fs.readFile('/etc/hosts');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [ip, ...names] = line.trim().split(/\s+/);
    if (ip && ip.includes('.') && names.includes(name)) return ip;
  }
  return undefined;
}

/** The names tried for `name`: as-is first when it has ndots dots or more, else after the search list. */
export function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const expanded = conf.searches.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...expanded] : [...expanded, name];
}

export interface Resolved {
  /** The name that answered (fully qualified). */
  name: string;
  addresses: string[];
  authoritative: boolean;
}

export function isIPv4(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text);
}

/** getaddrinfo-like: an IP as itself, /etc/hosts, then DNS A queries over the candidates. */
export async function resolveHost(io: ProgramIO, name: string): Promise<Resolved | undefined> {
  if (isIPv4(name)) return { name, addresses: [name], authoritative: true };
  const fromHosts = hostsLookup(io, name);
  if (fromHosts) return { name, addresses: [fromHosts], authoritative: true };
  const conf = readResolvConf(io);
  for (const candidate of candidates(name, conf)) {
    const reply = await io.ctx.client.dns({ name: candidate, type: 'A' });
    const addrs = aRecords(reply);
    if (addrs.length) return { name: candidate, addresses: addrs, authoritative: reply.authoritative };
  }
  return undefined;
}

export function aRecords(reply: DnsReply): string[] {
  return reply.answers.flatMap((r) => (r.type === 'A' ? [r.address] : []));
}

/** The reverse name of an IP, if the cluster DNS has one. */
export async function reverseName(io: ProgramIO, ip: string): Promise<string | undefined> {
  const reply = await io.ctx.client.dns({ name: `${ip.split('.').reverse().join('.')}.in-addr.arpa`, type: 'PTR' });
  const ptr = reply.answers.find((r) => r.type === 'PTR');
  return ptr && ptr.type === 'PTR' ? ptr.target : undefined;
}
