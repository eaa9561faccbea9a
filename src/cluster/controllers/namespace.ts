/**
 * Namespace lifecycle: a new namespace gets its `default` ServiceAccount and
 * `kube-root-ca.crt` ConfigMap (the service-account and root-CA publishers' job); once a namespace is Terminating,
 * delete everything in it, retry until it is empty, then drop the
 * `kubernetes` finalizer so the API server removes the namespace.
 */
import type { Clock, TimerId } from '../clock';
import type { ClusterClient } from '../client/types';
import { isApiError } from '../api/errors';
import type { ResourceType } from '../api/types';
import { namespaceDefaults } from '../bootstrap';

const NAMESPACES: ResourceType = { group: '', version: 'v1', resource: 'namespaces' };
const RETRY_MS = 1000;

export class NamespaceController {
  private stopWatch: (() => void) | undefined;
  private timers = new Map<string, TimerId>();
  private running = new Set<string>();

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
    private readonly caCert?: string,
  ) {}

  start(): void {
    this.stopWatch = this.client.watch(NAMESPACES, { resourceVersion: '0' }, (e) => {
      const name = e.object.metadata.name!;
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) this.schedule(name, 0);
      else if (e.type === 'ADDED' && this.caCert !== undefined) void this.populate(name, this.caCert);
    });
  }

  stop(): void {
    this.stopWatch?.();
    for (const t of this.timers.values()) this.clock.clearTimer(t);
    this.timers.clear();
  }

  private async populate(namespace: string, caCert: string): Promise<void> {
    for (const [type, obj] of namespaceDefaults(namespace, caCert)) {
      try {
        await this.client.create(type, obj);
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
  }

  private schedule(name: string, ms: number): void {
    if (this.timers.has(name) || this.running.has(name)) return;
    this.timers.set(
      name,
      this.clock.setTimer(ms, () => {
        this.timers.delete(name);
        this.running.add(name);
        void this.sync(name).finally(() => this.running.delete(name));
      }),
    );
  }

  private async sync(name: string): Promise<void> {
    let remaining = 0;
    for (const info of this.client.discovery()) {
      if (!info.namespaced || !info.verbs.includes('list')) continue;
      const type = { group: info.group, version: info.version, resource: info.resource };
      const list = await this.client.list(type, { namespace: name });
      for (const item of list.items) {
        if (item.metadata.deletionTimestamp) {
          remaining++;
          continue;
        }
        try {
          const after = await this.client.delete(type, name, item.metadata.name!, { propagationPolicy: 'Background' });
          if (after.metadata.deletionTimestamp) remaining++;
        } catch (e) {
          if (!isApiError(e) || e.reason !== 'NotFound') throw e;
        }
      }
    }
    if (remaining > 0) {
      this.schedule(name, RETRY_MS);
      return;
    }
    try {
      const ns = await this.client.get(NAMESPACES, undefined, name);
      (ns.spec as { finalizers?: string[] }) = { ...(ns.spec as object), finalizers: [] };
      await this.client.update(NAMESPACES, ns);
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'NotFound') throw e;
    }
  }
}
