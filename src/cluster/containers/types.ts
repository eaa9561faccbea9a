/** What the client's exec, logs and pod-network calls hand out. */
import type { ImageContents } from '../images/contents';
import type { FileSystem } from '../storage/fs-types';
import type { HttpResponse } from './nginx';

export type { HttpResponse } from './nginx';

/** A running container opened for `kubectl exec`: what a process started in it sees. */
export interface ContainerSession {
  namespace: string;
  pod: string;
  container: string;
  image: string;
  hostname: string;
  podIP: string;
  /** The container's files: image tree with the pod's volumes mounted. */
  fs: FileSystem;
  /** The main process's environment (image ENV, service links, spec env, HOSTNAME). */
  env: Record<string, string>;
  workingDir: string;
  contents: ImageContents;
  /** Mount points of volumes, for `df` and `mount`. */
  mounts: string[];
}

export interface PodHttpRequest {
  /** Destination IP (a pod IP or a Service ClusterIP); 127.0.0.1 means the caller's own pod. */
  ip: string;
  port: number;
  method: 'GET' | 'HEAD';
  path: string;
  /** The Host header. */
  host: string;
  userAgent: string;
  /** The calling pod's IP (the client address nginx logs, and what localhost means). */
  fromIP: string;
}

export type PodHttpResult = { ok: true; response: HttpResponse; serverIP: string } | { ok: false; error: 'refused' | 'timeout' };
