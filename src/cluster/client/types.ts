import type { KubeList, KubeObject, ResourceInfo, ResourceType, WatchEvent } from '../api/types';
import type { ContainerSession, PodHttpRequest, PodHttpResult } from '../containers/types';
import type { DnsQuery, DnsReply } from '../dns';

export type { ContainerSession, PodHttpRequest, PodHttpResult } from '../containers/types';
export type { DnsQuery, DnsReply, DnsRecord, DnsType } from '../dns';
export type { MysqlConnection, MysqlReply, ResultColumn, SqlValue } from '../containers/mysql/types';
export type { PodTcpResult, PodConnection, ContainerSockets } from '../containers/network';
export { MYSQL_SOCKET } from '../containers/mysql/server';
export type { RedisConnection, RespReply } from '../containers/redis/types';

/**
 * How everything outside the API server reaches it — controllers, the
 * scheduler, kubelets, kubectl, the shell and lessons — exactly as real
 * components reach a real API server. Every method fails with an ApiError.
 */
/** A value that may only be read: stored objects are deep-frozen, and writing to one throws. */
export type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? ReadonlyArray<ReadonlyDeep<U>>
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;

export type ReadonlyKubeObject = ReadonlyDeep<KubeObject>;

/** A list whose items are the stored objects themselves (see ClusterClient.listShared). */
export interface SharedList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: readonly ReadonlyKubeObject[];
}

export interface ClusterClient {
  /** All served resources (`kubectl api-resources`). */
  discovery(): ResourceInfo[];

  /** The server's /version answer (`kubectl version`). */
  version(): VersionInfo;

  get(type: ResourceType, namespace: string | undefined, name: string): Promise<KubeObject>;

  /** namespace undefined = all namespaces (or a cluster-scoped resource). */
  list(type: ResourceType, options?: ListOptions): Promise<KubeList>;
  /**
   * list without copies, for callers that only read what they get (kubectl
   * printing a table of thousands of pods): the items are the stored objects,
   * frozen. Optional: a client without it is listed with list().
   */
  listShared?(type: ResourceType, options?: ListOptions): Promise<SharedList>;

  /**
   * Streams changes after `options.resourceVersion` (or from now when absent).
   * Events arrive asynchronously, in store order. Returns a function that stops the watch.
   */
  watch(type: ResourceType, options: WatchOptions, onEvent: (event: WatchEvent) => void): () => void;

  create(type: ResourceType, object: KubeObject, options?: WriteOptions): Promise<KubeObject>;

  /** Replaces the object; a stale metadata.resourceVersion fails with Conflict. */
  update(type: ResourceType, object: KubeObject, options?: WriteOptions): Promise<KubeObject>;

  /** Writes only .status (the status subresource). */
  updateStatus(type: ResourceType, object: KubeObject): Promise<KubeObject>;

  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    options?: WriteOptions,
  ): Promise<KubeObject>;

  /**
   * Starts deletion. Returns the object as it is after the call: still present with
   * deletionTimestamp set when finalizers or graceful termination hold it, or its last state.
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, options?: DeleteOptions): Promise<KubeObject>;

  /**
   * Evicts a pod (POST pods/NAME/eviction, a policy/v1 Eviction carrying these delete
   * options): deleted when its PodDisruptionBudget allows, else TooManyRequests (429).
   */
  evict(namespace: string, name: string, options?: DeleteOptions): Promise<void>;

  /**
   * Opens a running container (pods/exec): its file system, hostname and environment.
   * `container` undefined = the pod's only (first) container. Fails as the API server
   * (NotFound, BadRequest) or the kubelet (`unable to upgrade connection: …`) does.
   */
  exec(namespace: string, pod: string, container?: string): Promise<ContainerSession>;

  /** What a container's main process printed (pods/log), lines joined with '\n'. */
  logs(namespace: string, pod: string, container?: string, options?: { previous?: boolean }): Promise<string>;

  /** One query to the cluster DNS (the kube-dns Service, CoreDNS semantics). */
  dns(query: DnsQuery): Promise<DnsReply>;

  /** An HTTP request over the pod network, from a pod (curl, wget inside a container). */
  http(request: PodHttpRequest): Promise<PodHttpResult>;
}

export type PatchType = 'json' | 'merge' | 'strategic';

export interface ListOptions {
  namespace?: string;
  /** Kubernetes label selector syntax: 'app=nginx,tier in (web,db),!canary'. */
  labelSelector?: string;
  /** 'metadata.name=web-0', 'metadata.namespace!=default', 'spec.nodeName=...', 'status.phase=Running'. */
  fieldSelector?: string;
}

export interface WatchOptions extends ListOptions {
  resourceVersion?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  /** Server-side field validation; kubectl sends Strict by default. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

/** As GET /version returns it. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}
