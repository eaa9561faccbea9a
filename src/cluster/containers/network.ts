/** The pod network: Service ClusterIPs forward to a ready endpoint (kube-proxy), pod IPs reach the containers listening there. */
import type { Clock } from '../clock';
import type { Store } from '../api/store';
import type { Obj } from '../controllers/runtime/resources';
import { nginxServe } from './nginx';
import type { ContainerRuntime } from './runtime';
import type { PodHttpRequest, PodHttpResult } from './types';

export class PodNetwork {
  private roundRobin = 0;

  constructor(
    private readonly store: Store,
    private readonly runtime: ContainerRuntime,
    private readonly clock: Clock,
  ) {}

  http(req: PodHttpRequest): PodHttpResult {
    let ip = req.ip === '127.0.0.1' || req.ip === 'localhost' ? req.fromIP : req.ip;
    let port = req.port;
    const svc = this.store.peekList('services').find((s) => (s.spec as Obj)?.clusterIP === ip);
    if (svc) {
      const sp = ((svc.spec as Obj).ports ?? []).find((p: Obj) => p.port === port);
      if (!sp) return { ok: false, error: 'timeout' };
      const ep = this.store.peek('endpoints', svc.metadata.namespace!, svc.metadata.name!) as Obj;
      const addrs: Obj[] = (ep?.subsets ?? []).flatMap((s: Obj) => s.addresses ?? []);
      // No ready endpoint: kube-proxy rejects the connection.
      if (!addrs.length) return { ok: false, error: 'refused' };
      ip = addrs[this.roundRobin++ % addrs.length].ip;
      port = typeof sp.targetPort === 'number' ? sp.targetPort : port;
    }
    const containers = this.runtime.byIP(ip);
    if (!containers.length) return { ok: false, error: this.isNodeIP(ip) ? 'refused' : 'timeout' };
    const server = containers.find((c) => c.contents.webRoot && port === 80);
    if (!server) return { ok: false, error: 'refused' };
    const clientIP = req.ip === '127.0.0.1' || req.ip === 'localhost' ? '127.0.0.1' : req.fromIP;
    const response = nginxServe(server, { method: req.method, path: req.path, host: req.host, clientIP, userAgent: req.userAgent }, this.clock.now());
    return { ok: true, response, serverIP: ip };
  }

  private isNodeIP(ip: string): boolean {
    return this.store.peekList('nodes').some((n) => ((n.status as Obj)?.addresses ?? []).some((a: Obj) => a.address === ip));
  }
}
