/**
 * A small garbage collector, like kube-controller-manager's: it keeps an
 * owner → dependents index from watches and, when an owner goes,
 * deletes its dependents (Background), strips their owner references
 * (`orphan` finalizer) or deletes them before the owner (`foregroundDeletion`).
 */
import type { ClusterClient } from '../client/types';
import { isApiError } from '../api/errors';
import type { KubeObject, ResourceInfo, ResourceType } from '../api/types';

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';

interface Node {
  type: ResourceType;
  namespace?: string;
  name: string;
  owners: string[];
  deleting: boolean;
  finalizers: string[];
}

export class GarbageCollector {
  private nodes = new Map<string, Node>();
  private dependents = new Map<string, Set<string>>();
  private stops: Array<() => void> = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly client: ClusterClient) {}

  start(): void {
    for (const info of this.client.discovery()) {
      if (!info.verbs.includes('watch') || info.resource === 'events') continue;
      const type = typeOf(info);
      this.stops.push(
        this.client.watch(type, { resourceVersion: '0' }, (e) => {
          if (e.type === 'DELETED') this.onDeleted(type, e.object);
          else this.onUpsert(type, e.object);
        }),
      );
    }
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
  }

  /** Resolves once all work queued so far is done (tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch(() => undefined);
  }

  private onUpsert(type: ResourceType, obj: KubeObject): void {
    const uid = obj.metadata.uid!;
    const prev = this.nodes.get(uid);
    if (prev) for (const o of prev.owners) this.dependents.get(o)?.delete(uid);
    const owners = (obj.metadata.ownerReferences ?? []).map((r) => r.uid);
    const node: Node = {
      type,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name!,
      owners,
      deleting: !!obj.metadata.deletionTimestamp,
      finalizers: obj.metadata.finalizers ?? [],
    };
    this.nodes.set(uid, node);
    for (const o of owners) {
      let set = this.dependents.get(o);
      if (!set) this.dependents.set(o, (set = new Set()));
      set.add(uid);
    }
    if (node.deleting && node.finalizers.includes(ORPHAN)) this.enqueue(() => this.orphan(uid));
    if (node.deleting && node.finalizers.includes(FOREGROUND)) this.enqueue(() => this.foreground(uid));
  }

  private onDeleted(_type: ResourceType, obj: KubeObject): void {
    const uid = obj.metadata.uid!;
    const node = this.nodes.get(uid);
    this.nodes.delete(uid);
    if (node) for (const o of node.owners) this.dependents.get(o)?.delete(uid);
    const owners = node?.owners ?? [];
    this.enqueue(async () => {
      await this.deleteDependents(uid);
      for (const o of owners) {
        const owner = this.nodes.get(o);
        if (owner?.deleting && owner.finalizers.includes(FOREGROUND)) await this.foreground(o);
      }
    });
  }

  private async deleteDependents(ownerUid: string): Promise<void> {
    for (const dep of [...(this.dependents.get(ownerUid) ?? [])]) {
      const node = this.nodes.get(dep);
      if (!node || node.deleting) continue;
      const liveOwners = node.owners.filter((o) => o !== ownerUid && this.nodes.has(o));
      if (liveOwners.length) await this.removeOwnerRef(node, ownerUid);
      else await this.ignoreNotFound(this.client.delete(node.type, node.namespace, node.name, { propagationPolicy: 'Background' }));
    }
  }

  private async orphan(ownerUid: string): Promise<void> {
    for (const dep of [...(this.dependents.get(ownerUid) ?? [])]) {
      const node = this.nodes.get(dep);
      if (node) await this.removeOwnerRef(node, ownerUid);
    }
    await this.removeFinalizer(ownerUid, ORPHAN);
  }

  private async foreground(ownerUid: string): Promise<void> {
    const deps = [...(this.dependents.get(ownerUid) ?? [])].filter((d) => this.nodes.has(d));
    if (deps.length === 0) {
      await this.removeFinalizer(ownerUid, FOREGROUND);
      return;
    }
    for (const dep of deps) {
      const node = this.nodes.get(dep)!;
      if (!node.deleting) await this.ignoreNotFound(this.client.delete(node.type, node.namespace, node.name, { propagationPolicy: 'Foreground' }));
    }
  }

  private async removeOwnerRef(node: Node, ownerUid: string): Promise<void> {
    try {
      const obj = await this.client.get(node.type, node.namespace, node.name);
      const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
      if (refs.length) obj.metadata.ownerReferences = refs;
      else delete obj.metadata.ownerReferences;
      await this.client.update(node.type, obj);
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'NotFound') throw e;
    }
  }

  private async removeFinalizer(uid: string, finalizer: string): Promise<void> {
    const node = this.nodes.get(uid);
    if (!node) return;
    try {
      const obj = await this.client.get(node.type, node.namespace, node.name);
      const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
      if (rest.length === (obj.metadata.finalizers ?? []).length) return;
      if (rest.length) obj.metadata.finalizers = rest;
      else delete obj.metadata.finalizers;
      await this.client.update(node.type, obj);
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'NotFound') throw e;
    }
  }

  private async ignoreNotFound(p: Promise<unknown>): Promise<void> {
    try {
      await p;
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'NotFound') throw e;
    }
  }
}

function typeOf(info: ResourceInfo): ResourceType {
  return { group: info.group, version: info.version, resource: info.resource };
}
