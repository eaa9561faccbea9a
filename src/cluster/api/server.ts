/** The API server: ClusterClient on top of the store, the per-kind strategies and the watch hub. */
import type { Clock } from '../clock';
import { toRFC3339 } from '../clock';
import type { SeededRandom } from '../random';
import type {
  ClusterClient, DeleteOptions, ListOptions, PatchType, SharedList, VersionInfo, WatchOptions, WriteOptions,
} from '../client/types';
import { decode, throwIfInvalid, validateMeta, validateMetaUpdate } from './admission';
import { allocateClusterIP, clusterIPInUse } from './cluster-ip';
import { deleteObject, readyToRemove, type DeleteContext } from './delete';
import { discoveryTable, findResource, resourceKey } from './discovery';
import { ApiError, alreadyExists, conflict, notFound } from './errors';
import { deepClone, deepEqual, listCopy } from './object-utils';
import { applyPatchOfType } from './patch';
import { STRATEGIES } from './registry';
import type { RegistryContext, Strategy } from './registry/types';
import { objectPredicate } from './predicates';
import { Store } from './store';
import type { KubeList, KubeObject, ResourceInfo, ResourceType, WatchEvent } from './types';
import { apiVersionOf } from './types';
import { WatchHub } from './watch';
import { createBinding } from './binding';
import { evictPod } from './eviction';
import type { PodConnections } from './connect';
import type { ContainerSession, PodHttpRequest, PodHttpResult } from '../containers/types';
import type { DnsQuery, DnsReply } from '../dns';

export const VERSION_INFO: VersionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T17:59:15Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const CONFLICT_MSG = 'the object has been modified; please apply your changes to the latest version and try again';

/** Called when a pod on a node starts graceful termination (a kubelet finishes it with a 0s delete). */
export type PodTerminationHandler = (pod: KubeObject) => void;

export interface Resolved {
  info: ResourceInfo;
  key: string;
  strategy: Strategy;
}

export class ApiServer implements ClusterClient {
  readonly store = new Store();
  readonly hub = new WatchHub(this.store);
  private podTermination: PodTerminationHandler | undefined;

  constructor(
    readonly clock: Clock,
    readonly random: SeededRandom,
  ) {}

  /** Registers (or clears) the kubelet side of graceful pod deletion; without one pods go at once. */
  setPodTerminationHandler(handler: PodTerminationHandler | undefined): void {
    this.podTermination = handler;
  }

  private connections: PodConnections | undefined;

  /** Registers what reaches the nodes: exec, logs, DNS and the pod network. */
  setConnections(connections: PodConnections | undefined): void {
    this.connections = connections;
  }

  private connect(): PodConnections {
    if (!this.connections) throw new Error('unable to upgrade connection: no nodes are connected');
    return this.connections;
  }

  async exec(namespace: string, pod: string, container?: string): Promise<ContainerSession> {
    return this.connect().exec(namespace, pod, container);
  }

  async logs(namespace: string, pod: string, container?: string): Promise<string> {
    return this.connect().logs(namespace, pod, container);
  }

  async dns(query: DnsQuery): Promise<DnsReply> {
    return this.connect().dns(query);
  }

  async http(request: PodHttpRequest): Promise<PodHttpResult> {
    return this.connect().http(request);
  }

  discovery(): ResourceInfo[] {
    return discoveryTable();
  }

  version(): VersionInfo {
    return { ...VERSION_INFO };
  }

  resolve(type: ResourceType): Resolved {
    const info = findResource(type);
    const key = resourceKey(type);
    const strategy = STRATEGIES[key];
    if (!info || (!strategy && info.resource !== 'bindings'))
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', { kind: type.resource, group: type.group });
    return { info, key, strategy };
  }

  private ns(info: ResourceInfo, namespace: string | undefined): string {
    return info.namespaced ? namespace || 'default' : '';
  }

  private context(): RegistryContext {
    return {
      now: toRFC3339(this.clock.now()),
      random: this.random,
      defaultStorageClass: () => {
        const classes = this.store.peekList('storageclasses.storage.k8s.io');
        const isDefault = (o: KubeObject) =>
          o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
          o.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
        // Several defaults: the newest wins, as DefaultStorageClass admission picks it.
        const defaults = classes.filter(isDefault).sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)));
        return defaults[0]?.metadata.name;
      },
      allocateClusterIP: () => allocateClusterIP(this.store, this.random),
      clusterIPInUse: (ip) => clusterIPInUse(this.store, ip),
    };
  }

  async get(type: ResourceType, namespace: string | undefined, name: string): Promise<KubeObject> {
    const { info, key } = this.resolve(type);
    const obj = this.store.get(key, this.ns(info, namespace), name);
    if (!obj) throw notFound(info.resource, info.group, name);
    return obj;
  }

  async list(type: ResourceType, options: ListOptions = {}): Promise<KubeList> {
    const { head, items } = this.listStored(type, options);
    return { ...head, items: items.map(listCopy) };
  }

  /**
   * list without copies, for in-process callers that only read what they get
   * (kubectl printing a table of thousands of pods): the items are the store's
   * deep-frozen objects, shared. Anything that may change an object uses list().
   */
  async listShared(type: ResourceType, options: ListOptions = {}): Promise<SharedList> {
    const { head, items } = this.listStored(type, options);
    return { ...head, items };
  }

  /** The stored objects (shared) a list selects, and the list's type and resourceVersion. */
  private listStored(type: ResourceType, options: ListOptions): { head: Omit<KubeList, 'items'>; items: KubeObject[] } {
    const { info, key, strategy } = this.resolve(type);
    const matches = objectPredicate(strategy, options);
    const ns = info.namespaced ? options.namespace || undefined : undefined;
    const items = this.store.peekList(key, ns).filter(matches);
    return { head: { apiVersion: apiVersionOf(info.group, info.version), kind: `${info.kind}List`, metadata: { resourceVersion: this.store.currentRV() } }, items };
  }

  watch(type: ResourceType, options: WatchOptions, onEvent: (event: WatchEvent) => void): () => void {
    const { info, key, strategy } = this.resolve(type);
    const matches = objectPredicate(strategy, options);
    const namespace = info.namespaced ? options.namespace || undefined : undefined;
    const rv = options.resourceVersion;
    if (rv === '0') {
      // "Any" version: the current state as ADDED events, then changes.
      const current = this.store.peekList(key, namespace).filter(matches);
      const start = Number(this.store.currentRV());
      const stop = this.hub.watch({ resource: key, namespace, matches, sinceRV: start }, onEvent);
      let stopped = false;
      void Promise.resolve().then(() => {
        if (!stopped) for (const o of current) onEvent({ type: 'ADDED', object: deepClone(o) });
      });
      return () => {
        stopped = true;
        stop();
      };
    }
    const sinceRV = rv ? Number(rv) : undefined;
    return this.hub.watch({ resource: key, namespace, matches, sinceRV: Number.isFinite(sinceRV) ? sinceRV : undefined }, onEvent);
  }

  async create(type: ResourceType, object: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    return this.createNow(type, object, options);
  }

  /** create, synchronously (bootstrap and in-process callers). */
  createNow(type: ResourceType, object: KubeObject, options: WriteOptions = {}): KubeObject {
    const { info, key, strategy } = this.resolve(type);
    if (info.resource === 'bindings') return createBinding(this, object);
    const obj = deepClone(object);
    obj.metadata = obj.metadata ?? {};
    decode(info, obj, options);
    obj.apiVersion = apiVersionOf(info.group, info.version);
    obj.kind = info.kind;
    const namespace = this.ns(info, obj.metadata.namespace);
    if (info.namespaced) obj.metadata.namespace = namespace;
    else delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + this.random.string(5);
    const name = obj.metadata.name ?? '';
    if (info.namespaced) this.checkNamespaceWritable(info, namespace, name);
    for (const f of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'uid', 'selfLink'] as const) delete obj.metadata[f];
    const ctx = this.context();
    strategy.defaults?.(obj, ctx);
    strategy.prepareForCreate?.(obj, ctx);
    throwIfInvalid(info, name, [...validateMeta(strategy, obj), ...(strategy.validate?.(obj, ctx) ?? [])]);
    if (this.store.peek(key, namespace, name)) throw alreadyExists(info.resource, info.group, name);
    obj.metadata.uid = this.random.uid();
    obj.metadata.creationTimestamp = ctx.now;
    if (strategy.hasGeneration) obj.metadata.generation = 1;
    else delete obj.metadata.generation;
    if (options.dryRun) return obj;
    return this.store.create(key, namespace, obj);
  }

  private checkNamespaceWritable(info: ResourceInfo, namespace: string, name: string): void {
    const ns = this.store.peek('namespaces', '', namespace);
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.metadata.deletionTimestamp)
      throw new ApiError(
        403,
        'Forbidden',
        `${info.group ? `${info.resource}.${info.group}` : info.resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        { name, group: info.group, kind: info.resource },
      );
  }

  async update(type: ResourceType, object: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const r = this.resolve(type);
    const namespace = this.ns(r.info, object.metadata?.namespace);
    const old = this.store.peek(r.key, namespace, object.metadata?.name ?? '');
    if (!old) throw notFound(r.info.resource, r.info.group, object.metadata?.name ?? '');
    return this.replace(r, old, deepClone(object), options);
  }

  async updateStatus(type: ResourceType, object: KubeObject): Promise<KubeObject> {
    return this.updateStatusNow(type, object);
  }

  /** updateStatus, synchronously. */
  updateStatusNow(type: ResourceType, object: KubeObject): KubeObject {
    const { info, key } = this.resolve(type);
    const namespace = this.ns(info, object.metadata?.namespace);
    const name = object.metadata?.name ?? '';
    const old = this.store.peek(key, namespace, name);
    if (!old) throw notFound(info.resource, info.group, name);
    const rv = object.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(info.resource, info.group, name, CONFLICT_MSG);
    const next = deepClone(old);
    next.status = deepClone(object.status);
    if (deepEqual(next, old)) return deepClone(old);
    return this.store.update(key, namespace, next);
  }

  async patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    options: WriteOptions = {},
  ): Promise<KubeObject> {
    const r = this.resolve(type);
    const ns = this.ns(r.info, namespace);
    const old = this.store.peek(r.key, ns, name);
    if (!old) throw notFound(r.info.resource, r.info.group, name);
    const patched = applyPatchOfType(old, patchType, patch) as KubeObject;
    if (!patched || typeof patched !== 'object') throw new ApiError(400, 'BadRequest', 'patch produced an invalid object');
    patched.metadata ??= {};
    patched.metadata.name ??= name;
    if (r.info.namespaced) patched.metadata.namespace ??= ns;
    return this.replace(r, old, patched, options);
  }

  /** The update path shared by update and patch. */
  private replace(r: Resolved, old: KubeObject, obj: KubeObject, options: WriteOptions): Promise<KubeObject> {
    const { info, key, strategy } = r;
    const name = old.metadata.name!;
    const namespace = this.ns(info, old.metadata.namespace);
    obj.metadata ??= {};
    decode(info, obj, options);
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(info.resource, info.group, name, CONFLICT_MSG);
    obj.apiVersion = old.apiVersion;
    obj.kind = old.kind;
    for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'namespace', 'name'] as const) {
      if (old.metadata[f] === undefined) delete obj.metadata[f];
      else (obj.metadata as Record<string, unknown>)[f] = old.metadata[f];
    }
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    const ctx = this.context();
    strategy.defaults?.(obj, ctx);
    strategy.defaultsOnUpdate?.(obj, old, ctx);
    if (strategy.hasStatus) {
      if (old.status === undefined) delete obj.status;
      else obj.status = deepClone(old.status);
    }
    const causes = validateMetaUpdate(obj, old);
    if (strategy.validateUpdate) causes.push(...strategy.validateUpdate(obj, old, ctx));
    else if (strategy.validate) causes.push(...strategy.validate(obj, ctx));
    throwIfInvalid(info, name, causes);
    if (strategy.hasGeneration && !deepEqual(obj.spec, old.spec)) obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
    if (deepEqual(obj, old)) return Promise.resolve(deepClone(old));
    if (options.dryRun) return Promise.resolve(obj);
    if (readyToRemove(this.deleteContext(), key, obj)) {
      return Promise.resolve(this.store.remove(key, namespace, name, obj)!);
    }
    return Promise.resolve(this.store.update(key, namespace, obj));
  }

  private deleteContext(): DeleteContext {
    return { store: this.store, clock: this.clock, gracefulPods: this.podTermination !== undefined };
  }

  async evict(namespace: string, name: string, options: DeleteOptions = {}): Promise<void> {
    return evictPod(this, namespace || 'default', name, options);
  }

  async delete(type: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions = {}): Promise<KubeObject> {
    const { info, key } = this.resolve(type);
    const ns = this.ns(info, namespace);
    const result = deleteObject(this.deleteContext(), info, key, ns, name, options);
    if (result.terminating && this.podTermination) {
      const handler = this.podTermination;
      const pod = deepClone(result.object);
      void Promise.resolve().then(() => handler(pod));
    }
    return result.object;
  }
}
