/**
 * The node-side container runtime as kubelab keeps it: one instance per
 * started container, with its file system (image tree + volume mounts), its
 * environment and hostname, and the lines its main process logged. The
 * kubelet starts and removes instances; exec, logs and the pod network read them.
 */
import type { Clock } from '../clock';
import type { KubeObject } from '../api/types';
import type { Store } from '../api/store';
import type { Obj } from '../controllers/runtime/resources';
import { familyFor, type ImageFamily } from '../images/catalogue';
import { contentsFor, type ImageContents } from '../images/contents';
import { parseImage } from '../images/reference';
import type { FileSystem } from '../storage/fs-types';
import { MemoryTree } from '../storage/memory-tree';
import type { VolumeBackend } from '../storage/volume-backend';
import { project, projectionSource, type ProjectionSource } from './projection';
import { ProjectedVolume, projectedTree } from './projected-volume';
import { containerEnv } from './env';
import { buildImageFs, type KubeletFiles } from './image-fs';
import { MountedFileSystem, type Mount } from './mounted-fs';
import { appendLog, newLog, type LogBuffer } from './logs';
import { nginxStartupLog } from './nginx';
import { ensureMysqld, runsMysqld } from './mysql/server';
import { preloadRedis, redisModule } from './redis/lazy';
import { applyEntries, layerDiff, type LayerEntry, type RuntimeState, type SavedContainer, type SavedEmptyDir } from './runtime-state';
import { normalizePath } from '../storage/path';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';

export interface ContainerInstance {
  namespace: string;
  podName: string;
  podUID: string;
  name: string;
  image: string;
  podIP: string;
  hostname: string;
  contents: ImageContents;
  fs: MountedFileSystem;
  /** The writable layer under the mounts (the image tree as the container changed it). */
  layer: MemoryTree;
  /** What the kubelet wrote into /etc (a fresh layer is rebuilt from it to find what changed). */
  files: KubeletFiles;
  /** Simulated time the layer was created. */
  startedAt: number;
  env: Record<string, string>;
  workingDir: string;
  /** What the main process wrote to stdout/stderr (`kubectl logs`); append with `log`. */
  logs: string[];
  /** Appends lines to `logs` (capped, counted as a change to save). */
  log(...lines: string[]): void;
  running: boolean;
}

interface InstanceInit {
  image: string;
  env: Record<string, string>;
  startedAt: number;
  log: LogBuffer;
  running: boolean;
  /** A saved writable layer to replay over the fresh tree. */
  layer?: readonly LayerEntry[];
}

/** A configMap/secret volume mounted whole (not by subPath): the kubelet's sync can update it. */
interface ProjectedMount {
  source: ProjectionSource;
  volume: ProjectedVolume;
}

export class ContainerRuntime {
  private instances = new Map<string, ContainerInstance>();
  private projected = new Map<string, ProjectedMount[]>();
  private logBuffers = new Map<string, LogBuffer>();
  private emptyDirs = new Map<string, Map<string, MemoryTree>>();
  /** Restored running containers a resuming kubelet takes back instead of starting anew. */
  private resumable = new Set<string>();
  private changes = 0;
  private readonly layerWrites = new WeakMap<ContainerInstance, { count: number }>();
  private readonly layerDiffs = new WeakMap<ContainerInstance, { writes: number; diff: LayerEntry[] }>();
  private readonly changed = (): void => {
    this.changes++;
  };

  constructor(
    private readonly store: Store,
    private readonly volumes: VolumeBackend,
    private readonly clock: Clock,
  ) {}

  /** Creates the container's file system and environment as it starts (a restored container resumes as it was). */
  start(pod: KubeObject, container: Obj, family: ImageFamily, podIP: string): ContainerInstance {
    const k = key(pod.metadata.uid!, container.name);
    const restored = this.resumable.delete(k) ? this.instances.get(k) : undefined;
    if (restored && restored.podIP === podIP) {
      restored.running = true;
      this.startRedis(restored, container, false);
      this.changed();
      return restored;
    }
    const contents = contentsFor(family, parseImage(container.image).tag);
    const hostname = (pod.spec as Obj).hostname ?? pod.metadata.name!;
    const env = containerEnv(this.store, pod, container, contents.env, hostname, podIP);
    // The log outlives a restart of the container in kubelab.
    const log = this.logBuffers.get(k) ?? newLog();
    const instance = this.build(pod, container, family, podIP, { image: container.image, env, startedAt: this.clock.now(), log, running: true });
    if (contents.webRoot && !container.command) instance.log(...nginxStartupLog(this.clock.now(), contents.serverVersion ?? ''));
    // mysqld sets up its datadir and logs its start as the container starts (not when first reached).
    if (runsMysqld(instance, container)) ensureMysqld(instance);
    this.startRedis(instance, container, true);
    return instance;
  }

  /** redis-server loads its dir (and, on a fresh start, logs its start) as the container starts, on this runtime's clock. */
  private startRedis(instance: ContainerInstance, container: Obj, log: boolean): void {
    if (!instance.contents.redisVersion) return;
    const start = () => redisModule()?.startRedis(instance, container, () => this.clock.now(), log);
    if (redisModule()) start();
    else preloadRedis().then(start, () => {});
  }

  /** The container's process ended; `signal` says how it was stopped (SIGTERM lets a server shut down cleanly, SIGKILL does not). */
  stopped(podUID: string, name: string, signal?: 'SIGTERM' | 'SIGKILL'): void {
    const i = this.instances.get(key(podUID, name));
    if (i) {
      redisModule()?.redisStopped(i, signal === 'SIGTERM');
      i.running = false;
    }
    this.changed();
  }

  /** The pod is gone: its containers and emptyDir volumes go with it. */
  removePod(podUID: string): void {
    for (const [k, i] of this.instances) {
      if (i.podUID !== podUID) continue;
      this.instances.delete(k);
      this.projected.delete(k);
      this.logBuffers.delete(k);
      this.resumable.delete(k);
    }
    this.emptyDirs.delete(podUID);
    this.changed();
  }

  /**
   * The kubelet's periodic remount of a pod's configMap and secret volumes: each
   * whole-volume mount gets the object's current contents, swapped in at once.
   * A mount whose object or key is now missing keeps its files (the kubelet
   * reports FailedMount). subPath mounts never change, as in Kubernetes.
   */
  refreshVolumes(pod: KubeObject): void {
    const ns = pod.metadata.namespace ?? 'default';
    for (const [k, mounts] of this.projected) {
      if (this.instances.get(k)?.podUID !== pod.metadata.uid) continue;
      for (const m of mounts) {
        const result = project(m.source, this.sourceObject(ns, m.source));
        if (result.ok) m.volume.update(result.files);
      }
    }
  }

  get(podUID: string, name: string): ContainerInstance | undefined {
    return this.instances.get(key(podUID, name));
  }

  /** Running containers sharing a pod IP (one network namespace). */
  byIP(ip: string): ContainerInstance[] {
    return [...this.instances.values()].filter((i) => i.running && i.podIP === ip);
  }

  /** Moves on every change to what exportState returns (file writes, emptyDirs, logs, starts); reads leave it. */
  version(): number {
    return this.changes;
  }

  /** The in-memory state worth saving: writable layers as changes, logs, emptyDir trees. */
  exportState(): RuntimeState {
    const containers: SavedContainer[] = [...this.instances.values()].map((i) => ({
      namespace: i.namespace,
      podName: i.podName,
      podUID: i.podUID,
      name: i.name,
      image: i.image,
      podIP: i.podIP,
      env: { ...i.env },
      running: i.running,
      startedAt: i.startedAt,
      layer: this.layerChanges(i),
      logs: [...i.logs],
    }));
    const emptyDirs: SavedEmptyDir[] = [];
    for (const [podUID, dirs] of this.emptyDirs) for (const [volume, tree] of dirs) emptyDirs.push({ podUID, volume, entries: tree.entries() });
    return { containers, emptyDirs };
  }

  /**
   * Loads saved state into an empty runtime, after the API objects are restored and
   * before kubelets resume: a resumed container (same pod UID and name) gets its files
   * and logs back. State of pods no longer stored is dropped.
   */
  importState(state: RuntimeState): void {
    for (const d of state.emptyDirs) applyEntries(this.emptyDir(d.podUID, d.volume), d.entries);
    for (const c of state.containers) {
      const pod = this.store.peek('pods', c.namespace, c.podName);
      if (!pod || pod.metadata.uid !== c.podUID) continue;
      const spec = pod.spec as Obj;
      const container = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].find((x: Obj) => x.name === c.name);
      const family = familyFor(parseImage(c.image).name);
      if (!container || !family) continue;
      this.build(pod, container, family, c.podIP, { image: c.image, env: c.env, startedAt: c.startedAt, log: newLog(c.logs), running: c.running, layer: c.layer });
      if (c.running) this.resumable.add(key(c.podUID, c.name));
    }
    for (const k of this.emptyDirs.keys()) if (!this.store.peekList('pods').some((p) => p.metadata.uid === k)) this.emptyDirs.delete(k);
    this.changed();
  }

  private build(pod: KubeObject, container: Obj, family: ImageFamily, podIP: string, init: InstanceInit): ContainerInstance {
    const spec = pod.spec as Obj;
    const ns = pod.metadata.namespace ?? 'default';
    const hostname = spec.hostname ?? pod.metadata.name!;
    const contents = contentsFor(family, parseImage(init.image).tag);
    const files: KubeletFiles = {
      hostname,
      fqdn: spec.subdomain ? `${hostname}.${spec.subdomain}.${ns}.svc.${CLUSTER_DOMAIN}` : undefined,
      podIP,
      searches: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN],
      nameserver: CLUSTER_DNS_IP,
    };
    // One creation time for the whole fresh tree (and its mount points), whatever the clock does meanwhile.
    let frozen: number | undefined = init.startedAt;
    const writes = { count: 0 };
    const layer = buildImageFs(contents, files, () => frozen ?? this.clock.now(), () => {
      writes.count++;
      this.changed();
    });
    const projected: ProjectedMount[] = [];
    const fs = new MountedFileSystem(layer, this.mountsFor(pod, container, projected));
    if (init.layer) applyEntries(layer, init.layer);
    frozen = undefined;
    const k = key(pod.metadata.uid!, container.name);
    const instance: ContainerInstance = {
      namespace: ns,
      podName: pod.metadata.name!,
      podUID: pod.metadata.uid!,
      name: container.name,
      image: init.image,
      podIP,
      hostname,
      contents,
      fs,
      layer,
      files,
      startedAt: init.startedAt,
      env: init.env,
      workingDir: container.workingDir ?? contents.workingDir ?? '/',
      logs: init.log.lines,
      log: (...lines) => {
        appendLog(init.log, lines);
        this.changed();
      },
      running: init.running,
    };
    this.instances.set(k, instance);
    this.projected.set(k, projected);
    this.layerWrites.set(instance, writes);
    this.logBuffers.set(k, init.log);
    this.changed();
    return instance;
  }

  /** The layer's changes, recomputed only when it was written since the last export (a save follows every command). */
  private layerChanges(i: ContainerInstance): LayerEntry[] {
    const writes = this.layerWrites.get(i)?.count ?? -1;
    const cached = this.layerDiffs.get(i);
    if (cached && cached.writes === writes) return cached.diff;
    const diff = layerDiff(this.freshLayer(i), i.layer);
    this.layerDiffs.set(i, { writes, diff });
    return diff;
  }

  /** The layer as the container started: its image tree and mount points, all created at startedAt. */
  private freshLayer(i: ContainerInstance): MemoryTree {
    const tree = buildImageFs(i.contents, i.files, () => i.startedAt);
    for (const path of i.fs.mountPoints()) tree.mkdir(path, { recursive: true });
    return tree;
  }

  private emptyDir(podUID: string, volume: string): MemoryTree {
    let dirs = this.emptyDirs.get(podUID);
    if (!dirs) this.emptyDirs.set(podUID, (dirs = new Map()));
    let tree = dirs.get(volume);
    if (!tree) dirs.set(volume, (tree = new MemoryTree(() => this.clock.now(), this.changed)));
    return tree;
  }

  private mountsFor(pod: KubeObject, container: Obj, projected: ProjectedMount[]): Mount[] {
    const ns = pod.metadata.namespace ?? 'default';
    const volumes: Obj[] = (pod.spec as Obj).volumes ?? [];
    const mounts: Mount[] = [];
    for (const vm of (container.volumeMounts ?? []) as Obj[]) {
      const vol = volumes.find((v) => v.name === vm.name);
      if (!vol) continue;
      const source = projectionSource(vol);
      const tree = source ? this.projectedFs(ns, source, !vm.subPath, projected) : this.volumeTree(pod, ns, vol);
      if (!tree) continue;
      const readOnly = !!vm.readOnly || !!vol.persistentVolumeClaim?.readOnly || !!source;
      mounts.push({ path: normalizePath(vm.mountPath), fs: tree, readOnly, root: vm.subPath ? `/${vm.subPath}` : '/' });
    }
    return mounts;
  }

  /**
   * A configMap/secret volume's files. The kubelet starts a container only once
   * its volumes set up, so a failing projection (object or key missing) only
   * shows here for a restored container: it gets what can be projected.
   */
  private projectedFs(ns: string, source: ProjectionSource, whole: boolean, projected: ProjectedMount[]): FileSystem {
    const result = project(source, this.sourceObject(ns, source));
    const files = result.ok ? result.files : [];
    const now = () => this.clock.now();
    // A subPath mount binds the file as it was at start: later updates never reach it.
    if (!whole) return projectedTree(files, now);
    const volume = new ProjectedVolume(files, now);
    projected.push({ source, volume });
    return volume;
  }

  private sourceObject(ns: string, source: ProjectionSource): KubeObject | undefined {
    return this.store.peek(source.kind === 'configmap' ? 'configmaps' : 'secrets', ns, source.name);
  }

  private volumeTree(pod: KubeObject, ns: string, vol: Obj): FileSystem | undefined {
    if (vol.persistentVolumeClaim) {
      const pvc = this.store.peek('persistentvolumeclaims', ns, vol.persistentVolumeClaim.claimName) as Obj;
      const pvName = pvc?.spec?.volumeName;
      return pvName ? this.volumes.open(pvName) : undefined;
    }
    // emptyDir (and hostPath, which kubelab keeps per pod): lives as long as the pod.
    return this.emptyDir(pod.metadata.uid!, vol.name);
  }
}

function key(uid: string, name: string): string {
  return `${uid}/${name}`;
}
