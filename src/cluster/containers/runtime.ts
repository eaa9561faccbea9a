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
import type { ImageFamily } from '../images/catalogue';
import { contentsFor, type ImageContents } from '../images/contents';
import { parseImage } from '../images/reference';
import type { FileSystem } from '../storage/fs-types';
import { MemoryTree } from '../storage/memory-tree';
import type { VolumeBackend } from '../storage/volume-backend';
import { base64Decode } from './base64-decode';
import { containerEnv } from './env';
import { buildImageFs, type KubeletFiles } from './image-fs';
import { MountedFileSystem, type Mount } from './mounted-fs';
import { nginxStartupLog } from './nginx';

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
  env: Record<string, string>;
  workingDir: string;
  /** What the main process wrote to stdout/stderr (`kubectl logs`). */
  logs: string[];
  running: boolean;
}

export class ContainerRuntime {
  private instances = new Map<string, ContainerInstance>();
  private emptyDirs = new Map<string, Map<string, MemoryTree>>();

  constructor(
    private readonly store: Store,
    private readonly volumes: VolumeBackend,
    private readonly clock: Clock,
  ) {}

  /** Creates the container's file system and environment as it starts. */
  start(pod: KubeObject, container: Obj, family: ImageFamily, podIP: string): ContainerInstance {
    const spec = pod.spec as Obj;
    const ns = pod.metadata.namespace ?? 'default';
    const hostname = spec.hostname ?? pod.metadata.name!;
    const contents = contentsFor(family, parseImage(container.image).tag);
    const files: KubeletFiles = {
      hostname,
      fqdn: spec.subdomain ? `${hostname}.${spec.subdomain}.${ns}.svc.${CLUSTER_DOMAIN}` : undefined,
      podIP,
      searches: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN],
      nameserver: CLUSTER_DNS_IP,
    };
    const now = () => this.clock.now();
    const base = buildImageFs(contents, files, now);
    const fs = new MountedFileSystem(base, this.mountsFor(pod, container));
    const previous = this.instances.get(key(pod.metadata.uid!, container.name));
    const instance: ContainerInstance = {
      namespace: ns,
      podName: pod.metadata.name!,
      podUID: pod.metadata.uid!,
      name: container.name,
      image: container.image,
      podIP,
      hostname,
      contents,
      fs,
      env: containerEnv(this.store, pod, container, contents.env, hostname, podIP),
      workingDir: container.workingDir ?? '/',
      logs: previous?.logs ?? [],
      running: true,
    };
    if (contents.webRoot && !container.command) instance.logs.push(...nginxStartupLog(this.clock.now(), contents.serverVersion ?? ''));
    this.instances.set(key(instance.podUID, instance.name), instance);
    return instance;
  }

  stopped(podUID: string, name: string): void {
    const i = this.instances.get(key(podUID, name));
    if (i) i.running = false;
  }

  /** The pod is gone: its containers and emptyDir volumes go with it. */
  removePod(podUID: string): void {
    for (const [k, i] of this.instances) if (i.podUID === podUID) this.instances.delete(k);
    this.emptyDirs.delete(podUID);
  }

  get(podUID: string, name: string): ContainerInstance | undefined {
    return this.instances.get(key(podUID, name));
  }

  /** Running containers sharing a pod IP (one network namespace). */
  byIP(ip: string): ContainerInstance[] {
    return [...this.instances.values()].filter((i) => i.running && i.podIP === ip);
  }

  private mountsFor(pod: KubeObject, container: Obj): Mount[] {
    const ns = pod.metadata.namespace ?? 'default';
    const volumes: Obj[] = (pod.spec as Obj).volumes ?? [];
    const mounts: Mount[] = [];
    for (const vm of (container.volumeMounts ?? []) as Obj[]) {
      const vol = volumes.find((v) => v.name === vm.name);
      if (!vol) continue;
      const source = this.volumeTree(pod, ns, vol);
      if (!source) continue;
      const readOnly = !!vm.readOnly || !!vol.persistentVolumeClaim?.readOnly || !!vol.configMap || !!vol.secret;
      mounts.push({ path: normalise(vm.mountPath), fs: source, readOnly, root: vm.subPath ? `/${vm.subPath}` : '/' });
    }
    return mounts;
  }

  private volumeTree(pod: KubeObject, ns: string, vol: Obj): FileSystem | undefined {
    if (vol.persistentVolumeClaim) {
      const pvc = this.store.peek('persistentvolumeclaims', ns, vol.persistentVolumeClaim.claimName) as Obj;
      const pvName = pvc?.spec?.volumeName;
      return pvName ? this.volumes.open(pvName) : undefined;
    }
    if (vol.configMap || vol.secret) {
      const isSecret = !!vol.secret;
      const src = isSecret ? this.store.peek('secrets', ns, vol.secret.secretName) : this.store.peek('configmaps', ns, vol.configMap.name);
      const data: Record<string, string> = ((src as Obj)?.data ?? {}) as Record<string, string>;
      const tree = new MemoryTree(() => this.clock.now());
      const items: Obj[] | undefined = (isSecret ? vol.secret : vol.configMap).items;
      const entries = items ? items.map((it) => [it.path, data[it.key]] as const) : Object.entries(data);
      for (const [path, value] of entries) {
        if (value === undefined) continue;
        const full = normalise(`/${path}`);
        const dir = full.slice(0, full.lastIndexOf('/'));
        if (dir) tree.mkdir(dir, { recursive: true });
        tree.writeFile(full, isSecret ? base64Decode(value) : value);
      }
      return tree;
    }
    // emptyDir (and hostPath, which kubelab keeps per pod): lives as long as the pod.
    let dirs = this.emptyDirs.get(pod.metadata.uid!);
    if (!dirs) this.emptyDirs.set(pod.metadata.uid!, (dirs = new Map()));
    let tree = dirs.get(vol.name);
    if (!tree) dirs.set(vol.name, (tree = new MemoryTree(() => this.clock.now())));
    return tree;
  }
}

function key(uid: string, name: string): string {
  return `${uid}/${name}`;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}
