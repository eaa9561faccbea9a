/** The pod network: Service ClusterIPs forward to a ready endpoint (kube-proxy), pod IPs reach the containers listening there. */
import type { Clock } from '../clock';
import type { Store } from '../api/store';
import type { Obj } from '../controllers/runtime/resources';
import { nginxServe } from './nginx';
import type { ContainerInstance, ContainerRuntime } from './runtime';
import type { PodHttpRequest, PodHttpResult } from './types';
import { mysqlConnect, runsMysqld } from './mysql/server';
import type { MysqlConnection } from './mysql/types';
import { redisModule } from './redis/lazy';
import type { RedisConnection } from './redis/types';

/** The server's side of a TCP connection: which protocol it speaks tells mysqld from redis-server. */
export type PodConnection = MysqlConnection | RedisConnection;

/** A TCP connection opened over the pod network: the server's side of it, or why it failed. */
export type PodTcpResult = { ok: true; serverIP: string; connection: PodConnection } | { ok: false; error: 'refused' | 'timeout' };

/**
 * What a process in a container opens besides files: sockets from its pod's
 * network namespace. The sessions `exec` hands out carry them.
 */
export interface ContainerSockets {
  /** TCP to ip:port (a pod IP, a Service ClusterIP, or 127.0.0.1 for the pod itself). */
  connectTcp?(ip: string, port: number): PodTcpResult;
  /** A Unix socket in the container's own file system; undefined when nothing listens there. */
  connectUnix?(path: string): MysqlConnection | undefined;
}

export class PodNetwork {
  private roundRobin = 0;

  constructor(
    private readonly store: Store,
    private readonly runtime: ContainerRuntime,
    private readonly clock: Clock,
  ) {}

  /** Simulated now, for servers answering over the network. */
  now(): number {
    return this.clock.now();
  }

  /** Where a connection to ip:port lands: through a Service's ClusterIP to a ready endpoint, as kube-proxy forwards. */
  private route(ip: string, port: number): { ip: string; port: number } | { error: 'refused' | 'timeout' } {
    const svc = this.store.peekList('services').find((s) => (s.spec as Obj)?.clusterIP === ip);
    if (!svc) return { ip, port };
    const sp = ((svc.spec as Obj).ports ?? []).find((p: Obj) => p.port === port);
    if (!sp) return { error: 'timeout' };
    const ep = this.store.peek('endpoints', svc.metadata.namespace!, svc.metadata.name!) as Obj;
    const addrs: Obj[] = (ep?.subsets ?? []).flatMap((s: Obj) => s.addresses ?? []);
    // No ready endpoint: kube-proxy rejects the connection.
    if (!addrs.length) return { error: 'refused' };
    return { ip: addrs[this.roundRobin++ % addrs.length].ip, port: typeof sp.targetPort === 'number' ? sp.targetPort : port };
  }

  /** The running containers a connection from fromIP to ip:port reaches (127.0.0.1 is the caller's own pod), or why it fails. */
  private reach(ip: string, port: number, fromIP: string): { ip: string; port: number; local: boolean; containers: ContainerInstance[] } | { error: 'refused' | 'timeout' } {
    const local = ip === '127.0.0.1' || ip === 'localhost';
    const dest = this.route(local ? fromIP : ip, port);
    if ('error' in dest) return dest;
    const containers = this.runtime.byIP(dest.ip);
    if (!containers.length) return { error: this.isNodeIP(dest.ip) ? 'refused' : 'timeout' };
    return { ...dest, local, containers };
  }

  /** Opens a TCP connection from the pod at fromIP; mysqld answers on 3306, redis-server on its port, while their containers run. */
  tcp(req: { ip: string; port: number; fromIP: string }): PodTcpResult {
    const dest = this.reach(req.ip, req.port, req.fromIP);
    if ('error' in dest) return { ok: false, error: dest.error };
    for (const c of dest.containers) {
      const redis = redisModule()?.redisConnect(c, dest.port);
      if (redis) return { ok: true, serverIP: dest.ip, connection: redis };
    }
    const server = dest.port === 3306 ? dest.containers.find((c) => runsMysqld(c, this.containerSpec(c))) : undefined;
    if (!server) return { ok: false, error: 'refused' };
    return { ok: true, serverIP: dest.ip, connection: mysqlConnect(server, dest.local ? '127.0.0.1' : req.fromIP, () => this.clock.now()) };
  }

  /** The container's spec in its pod, as the store has it. */
  containerSpec(c: ContainerInstance): Obj | undefined {
    const pod = this.store.peek('pods', c.namespace, c.podName);
    if (!pod || pod.metadata.uid !== c.podUID) return undefined;
    return ((pod.spec as Obj).containers ?? []).find((x: Obj) => x.name === c.name);
  }

  /** An HTTP request from the pod at fromIP; nginx answers on 80 while its container runs. */
  http(req: PodHttpRequest): PodHttpResult {
    const dest = this.reach(req.ip, req.port, req.fromIP);
    if ('error' in dest) return { ok: false, error: dest.error };
    const server = dest.port === 80 ? dest.containers.find((c) => c.contents.webRoot) : undefined;
    if (!server) return { ok: false, error: 'refused' };
    const clientIP = dest.local ? '127.0.0.1' : req.fromIP;
    const response = nginxServe(server, { method: req.method, path: req.path, host: req.host, clientIP, userAgent: req.userAgent }, this.clock.now());
    return { ok: true, response, serverIP: dest.ip };
  }

  private isNodeIP(ip: string): boolean {
    return this.store.peekList('nodes').some((n) => ((n.status as Obj)?.addresses ?? []).some((a: Obj) => a.address === ip));
  }
}
