/**
 * A request from the learner's machine: it is outside the cluster, so names
 * resolve only to itself (localhost), and a local port reaches a pod only while
 * `kubectl port-forward` holds it.
 */
import type { ProgramIO } from '../../program';
import type { FetchOutcome, ParsedUrl } from './http-client';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export async function forwardedFetch(io: ProgramIO, url: ParsedUrl, method: 'GET' | 'HEAD', userAgent: string): Promise<FetchOutcome> {
  const host = url.host.toLowerCase();
  if (!LOCAL.has(host)) {
    // An address (a pod's or a Service's) is not routed to from here; a name does not resolve.
    return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? { kind: 'done', ip: host, result: { ok: false, error: 'timeout' } } : { kind: 'unresolved' };
  }
  const refused: FetchOutcome = { kind: 'done', ip: '127.0.0.1', result: { ok: false, error: 'refused' } };
  const target = io.ctx.portForwards?.target(url.port);
  if (!target) return refused;
  target.onConnection();
  const pod = await io.ctx.client.get(PODS, target.namespace, target.pod).catch(() => undefined);
  const podIP = (pod?.status as { podIP?: string } | undefined)?.podIP;
  if (!podIP) return refused;
  // The forwarded connection is opened inside the pod's network namespace, to its localhost.
  const result = await io.ctx.client.http({ ip: '127.0.0.1', port: target.podPort, method, path: url.path, host: url.hostHeader, userAgent, fromIP: podIP });
  return { kind: 'done', ip: '127.0.0.1', result };
}
