/**
 * A simulated kubelet for one node: watches the pods bound to it, runs a
 * PodWorker for each new one, and finishes graceful deletions. Pods that were
 * already running when it started (the bootstrap kube-system pods) are left as
 * they are until deleted. In a restored lab it takes over the pods it finds.
 */
import type { Clock } from '../clock';
import type { ClusterClient } from '../client/types';
import type { KubeObject } from '../api/types';
import type { SeededRandom } from '../random';
import { PODS, type Obj } from '../controllers/runtime/resources';
import { NodeImages } from './images';
import { IPAllocator } from './ip-allocator';
import { PodWorker } from './pod-worker';
import type { ContainerRuntime } from '../containers/runtime';

export interface KubeletNode {
  name: string;
  ip: string;
  podCIDR: string;
}

export class Kubelet {
  private workers = new Map<string, PodWorker>();
  private stopWatch: (() => void) | undefined;
  private readonly ips: IPAllocator;
  readonly images: NodeImages;

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
    private readonly random: SeededRandom,
    readonly node: KubeletNode,
    private readonly runtime?: ContainerRuntime,
    /** Restored lab: pods found already started are taken over (running containers get their runtime back; half-started ones start again). */
    private readonly options: { resume?: boolean } = {},
  ) {
    this.ips = new IPAllocator(node.podCIDR);
    this.images = new NodeImages(random);
  }

  start(): void {
    this.stopWatch = this.client.watch(PODS, { resourceVersion: '0', fieldSelector: `spec.nodeName=${this.node.name}` }, (e) => {
      const pod = e.object;
      const uid = pod.metadata.uid!;
      if (e.type === 'DELETED') {
        this.workers.get(uid)?.stop();
        this.workers.delete(uid);
        this.runtime?.removePod(uid);
        return;
      }
      const status = pod.status as Obj;
      if (status?.podIP && status.podIP !== this.node.ip) this.ips.reserve(status.podIP);
      const worker = this.workers.get(uid);
      if (worker) {
        worker.observe(pod);
        if (pod.metadata.deletionTimestamp) this.terminate(pod);
        return;
      }
      if (pod.metadata.deletionTimestamp) {
        this.terminate(pod);
        return;
      }
      if (status?.phase === 'Pending' && !status.containerStatuses) {
        const w = this.newWorker(pod);
        w.start();
      } else if (this.options.resume && e.type === 'ADDED') {
        const w = this.newWorker(pod);
        if (status?.phase === 'Pending') w.start();
        else w.resume();
      }
    });
  }

  stop(): void {
    this.stopWatch?.();
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
  }

  /** Graceful deletion of a pod on this node (the API server's termination hook). */
  terminate(pod: KubeObject): void {
    let worker = this.workers.get(pod.metadata.uid!);
    if (!worker) {
      worker = this.newWorker(pod);
      worker.adopt();
    }
    worker.terminate(pod);
  }

  private newWorker(pod: KubeObject): PodWorker {
    const w = new PodWorker(
      {
        client: this.client,
        clock: this.clock,
        random: this.random,
        nodeName: this.node.name,
        nodeIP: this.node.ip,
        images: this.images,
        allocateIP: () => this.ips.allocate(),
        releaseIP: (ip) => this.ips.release(ip),
        runtime: this.runtime,
      },
      pod,
    );
    this.workers.set(pod.metadata.uid!, w);
    return w;
  }
}
