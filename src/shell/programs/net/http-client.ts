/** What curl and wget share: URL parsing and one request over the pod network from this container. */
import type { PodHttpResult } from '../../../cluster/client/types';
import type { ProgramIO } from '../../program';
import { hostsLookup, resolveHost } from './resolver';

export interface ParsedUrl {
  host: string;
  port: number;
  path: string;
  /** host[:port] as the Host header carries it. */
  hostHeader: string;
}

export function parseUrl(raw: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(raw);
  if (!m) return undefined;
  const port = m[3] ? Number(m[3]) : m[1]?.toLowerCase() === 'https' ? 443 : 80;
  const path = m[4] === '' ? '/' : m[4].startsWith('/') ? m[4] : `/${m[4]}`;
  return { host: m[2], port, path, hostHeader: m[3] ? `${m[2]}:${m[3]}` : m[2] };
}

export type FetchOutcome = { kind: 'unresolved' } | { kind: 'done'; ip: string; result: PodHttpResult };

export async function podFetch(io: ProgramIO, url: ParsedUrl, method: 'GET' | 'HEAD', userAgent: string): Promise<FetchOutcome> {
  const resolved = await resolveHost(io, url.host);
  if (!resolved) return { kind: 'unresolved' };
  const ip = resolved.addresses[0];
  const fromIP = hostsLookup(io, io.env.HOSTNAME ?? '') ?? '127.0.0.1';
  const result = await io.ctx.client.http({ ip, port: url.port, method, path: url.path, host: url.hostHeader, userAgent, fromIP });
  return { kind: 'done', ip, result };
}
