/** One probe run against the simulated container: a port the image does not listen on is refused; exec runs in its files. */
import type { ImageFamily } from '../images/catalogue';
import type { Obj } from '../controllers/runtime/resources';
import type { ContainerInstance } from '../containers/runtime';
import { nginxServe } from '../containers/nginx';
import { runExecProbe } from './exec-probe';
import { redisModule } from '../containers/redis/lazy';
import type { ProbeRun } from './probe-worker';

function resolvePort(container: Obj, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p: Obj) => p.name === port);
  return named?.containerPort ?? (Number.isFinite(Number(port)) ? Number(port) : undefined);
}

/** Probes come from the node, through the pod bridge's gateway address. */
function gatewayOf(podIP: string): string {
  return podIP.split('.').slice(0, 3).join('.') + '.1';
}

export function runProbe(probe: Obj, container: Obj, family: ImageFamily | undefined, podIP: string, instance?: ContainerInstance, now = 0): ProbeRun {
  const listens = family?.ports ?? [];
  if (probe.httpGet) {
    const port = resolvePort(container, probe.httpGet.port);
    const scheme = String(probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host || podIP;
    const path = probe.httpGet.path ?? '/';
    if (port !== undefined && listens.includes(port)) {
      if (!instance?.contents.webRoot || port !== 80) return { ok: true };
      const res = nginxServe(instance, { method: 'GET', path, host: `${host}:${port}`, clientIP: gatewayOf(podIP), userAgent: 'kube-probe/1.32' }, now);
      // The kubelet counts 200-399 as success.
      return res.status >= 200 && res.status < 400 ? { ok: true } : { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
    }
    return { ok: false, output: `Get "${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}": dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(container, probe.tcpSocket.port);
    const host = probe.tcpSocket.host || podIP;
    if (port !== undefined && listens.includes(port)) return { ok: true };
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.exec && instance) {
    const result = runExecProbe(probe.exec.command ?? [], instance.fs, instance.contents, probe.timeoutSeconds ?? 1, (port) => redisModule()?.redisConnect(instance, port));
    return result.exitCode === 0 ? { ok: true } : { ok: false, output: result.output };
  }
  return { ok: true };
}
