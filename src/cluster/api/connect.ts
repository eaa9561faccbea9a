/**
 * The pod subresources that reach a node (pods/exec, pods/log) and the
 * cluster services beside the API (DNS, the pod network): the API server's
 * checks first, then the kubelet's container runtime.
 */
import type { Store } from './store';
import { badRequest, notFound } from './errors';
import type { KubeObject } from './types';
import type { Obj } from '../controllers/runtime/resources';
import type { ContainerRuntime } from '../containers/runtime';
import type { ContainerSockets, PodNetwork } from '../containers/network';
import { ensureMysqld, mysqlConnect, MYSQL_SOCKET, runsMysqld } from '../containers/mysql/server';
import { redisModule } from '../containers/redis/lazy';
import type { ContainerInstance } from '../containers/runtime';
import type { ContainerSession, PodHttpRequest, PodHttpResult } from '../containers/types';
import type { ClusterDns, DnsQuery, DnsReply } from '../dns';

export class PodConnections {
  constructor(
    private readonly store: Store,
    private readonly runtime: ContainerRuntime,
    private readonly network: PodNetwork,
    private readonly resolver: ClusterDns,
  ) {}

  private pod(namespace: string, name: string): KubeObject {
    const pod = this.store.peek('pods', namespace || 'default', name);
    if (!pod) throw notFound('pods', '', name);
    return pod;
  }

  private containerName(pod: KubeObject, container: string | undefined): string {
    const spec = pod.spec as Obj;
    const all: Obj[] = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
    if (container !== undefined && !all.some((c) => c.name === container)) throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
    return container ?? spec.containers?.[0]?.name;
  }

  exec(namespace: string, podName: string, container?: string): ContainerSession {
    const pod = this.pod(namespace, podName);
    const name = this.containerName(pod, container);
    if (!(pod.spec as Obj).nodeName) throw badRequest(`pod ${podName} does not have a host assigned`);
    const c = this.runtime.get(pod.metadata.uid!, name);
    if (!c || !c.running) throw new Error(`unable to upgrade connection: container not found ("${name}")`);
    const mysqld = this.startServer(c);
    const sockets: ContainerSockets = {
      connectTcp: (ip, port) => this.network.tcp({ ip, port, fromIP: c.podIP }),
      connectUnix: (path) => (mysqld && path === MYSQL_SOCKET && c.running ? mysqlConnect(c, 'localhost', () => this.network.now()) : undefined),
    };
    return {
      ...sockets,
      namespace: c.namespace,
      pod: c.podName,
      container: c.name,
      image: c.image,
      hostname: c.hostname,
      podIP: c.podIP,
      fs: c.fs,
      env: { ...c.env },
      workingDir: c.workingDir,
      contents: c.contents,
      mounts: c.fs.mountPoints(),
    };
  }

  logs(namespace: string, podName: string, container?: string): string {
    const pod = this.pod(namespace, podName);
    const spec = pod.spec as Obj;
    if (container === undefined && (spec.containers ?? []).length > 1) {
      throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${spec.containers.map((c: Obj) => c.name).join(' ')}]`);
    }
    const name = this.containerName(pod, container);
    const statuses: Obj[] = [...((pod.status as Obj)?.initContainerStatuses ?? []), ...((pod.status as Obj)?.containerStatuses ?? [])];
    const st = statuses.find((s) => s.name === name);
    const waiting = st?.state?.waiting;
    const c = this.runtime.get(pod.metadata.uid!, name);
    if (c?.running) {
      this.startServer(c);
      // Save points due by now show in the log.
      redisModule()?.redisServerOf(c)?.tick();
    }
    if ((!st || waiting) && !c) throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${waiting?.reason ?? 'ContainerCreating'}`);
    return (c?.logs ?? []).map((l) => l + '\n').join('');
  }

  /** Whether the container runs mysqld (its socket answers); the runtime brought it up as the container started. */
  private startServer(c: ContainerInstance): boolean {
    if (!runsMysqld(c, this.network.containerSpec(c))) return false;
    ensureMysqld(c);
    return true;
  }

  dns(query: DnsQuery): DnsReply {
    return this.resolver.query(query);
  }

  http(request: PodHttpRequest): PodHttpResult {
    return this.network.http(request);
  }
}
