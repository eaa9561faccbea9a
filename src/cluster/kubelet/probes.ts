/** Readiness probes against the simulated process: a port the image does not listen on is refused. */
import type { ImageFamily } from '../images/catalogue';
import type { Obj } from '../controllers/runtime/resources';

export type ProbeResult = { ok: true } | { ok: false; output: string };

function resolvePort(container: Obj, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p: Obj) => p.name === port);
  return named?.containerPort ?? (Number.isFinite(Number(port)) ? Number(port) : undefined);
}

export function runProbe(probe: Obj, container: Obj, family: ImageFamily | undefined, podIP: string): ProbeResult {
  const listens = family?.ports ?? [];
  if (probe.httpGet) {
    const port = resolvePort(container, probe.httpGet.port);
    const scheme = String(probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host || podIP;
    const path = probe.httpGet.path ?? '/';
    if (port !== undefined && listens.includes(port)) return { ok: true };
    return { ok: false, output: `Get "${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}": dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(container, probe.tcpSocket.port);
    const host = probe.tcpSocket.host || podIP;
    if (port !== undefined && listens.includes(port)) return { ok: true };
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  return { ok: true };
}
