/**
 * A VolumeBackend for persistent stores (OPFS, a host directory): every volume
 * lives in a MemoryTree, so `open` stays synchronous, and each change is sent
 * to a sink in order (write-behind); `flush` waits until the sink has them all.
 */
import type { FileStat, FileSystem } from './fs-types';
import { MemoryTree } from './memory-tree';
import type { VolumeBackend } from './volume-backend';

/** One change to replay on the persistent store; paths are absolute inside the volume. */
export type VolumeChange =
  | { op: 'write'; volume: string; path: string; data: string }
  | { op: 'mkdir'; volume: string; path: string }
  | { op: 'rm'; volume: string; path: string }
  | { op: 'rename'; volume: string; from: string; to: string }
  | { op: 'removeVolume'; volume: string };

/** Applies changes to the real store; a sync sink (returns nothing) is applied at once, an async one in order. */
export interface VolumeSink {
  apply(change: VolumeChange): void | Promise<void>;
}

/** A volume's contents as loaded from the store: directories and files by absolute path. */
export type VolumeEntry = { path: string; type: 'dir' } | { path: string; type: 'file'; data: string };

export class MirroredVolumeBackend implements VolumeBackend {
  private volumes = new Map<string, MirroredTree>();
  private queue: VolumeChange[] = [];
  private draining: Promise<void> | undefined;
  private busy = false;
  private failure: unknown;

  constructor(
    private readonly sink: VolumeSink,
    private readonly now: () => number,
    loaded: Iterable<[string, VolumeEntry[]]> = [],
  ) {
    for (const [volume, entries] of loaded) {
      const tree = new MemoryTree(now);
      for (const e of entries) {
        if (e.type === 'dir') tree.mkdir(e.path, { recursive: true });
        else {
          tree.mkdir(e.path.slice(0, e.path.lastIndexOf('/')) || '/', { recursive: true });
          tree.writeFile(e.path, e.data);
        }
      }
      this.volumes.set(volume, new MirroredTree(tree, (c) => this.emit({ ...c, volume } as VolumeChange)));
    }
  }

  open(volumeId: string): FileSystem {
    let tree = this.volumes.get(volumeId);
    if (!tree) {
      tree = new MirroredTree(new MemoryTree(this.now), (c) => this.emit({ ...c, volume: volumeId } as VolumeChange));
      this.volumes.set(volumeId, tree);
      this.emit({ op: 'mkdir', volume: volumeId, path: '/' });
    }
    return tree;
  }

  remove(volumeId: string): void {
    if (!this.volumes.delete(volumeId)) return;
    this.emit({ op: 'removeVolume', volume: volumeId });
  }

  list(): string[] {
    return [...this.volumes.keys()].sort();
  }

  /** Resolves once the store has every change so far; rejects with the first one it refused. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  private emit(change: VolumeChange): void {
    this.queue.push(change);
    if (this.busy) return;
    // A sync sink empties the queue before drain() returns; only an async one is still busy.
    const running = this.drain();
    if (this.busy) this.draining = running;
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.queue.length > 0) {
      const change = this.queue.shift()!;
      try {
        const pending = this.sink.apply(change);
        if (pending) await pending;
      } catch (e) {
        this.failure ??= e;
      }
    }
    this.busy = false;
    this.draining = undefined;
  }
}

type TreeChange = DistributiveOmit<VolumeChange, 'volume'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A MemoryTree that reports each change that succeeded (a failing call throws before reporting). */
class MirroredTree implements FileSystem {
  constructor(
    private readonly tree: MemoryTree,
    private readonly changed: (change: TreeChange) => void,
  ) {}

  readFile(path: string): string {
    return this.tree.readFile(path);
  }
  readdir(path: string): string[] {
    return this.tree.readdir(path);
  }
  stat(path: string): FileStat {
    return this.tree.stat(path);
  }
  exists(path: string): boolean {
    return this.tree.exists(path);
  }

  writeFile(path: string, data: string): void {
    this.tree.writeFile(path, data);
    this.changed({ op: 'write', path, data });
  }
  appendFile(path: string, data: string): void {
    this.tree.appendFile(path, data);
    this.changed({ op: 'write', path, data: this.tree.readFile(path) });
  }
  mkdir(path: string, options?: { recursive?: boolean }): void {
    this.tree.mkdir(path, options);
    this.changed({ op: 'mkdir', path });
  }
  rm(path: string, options?: { recursive?: boolean }): void {
    this.tree.rm(path, options);
    this.changed({ op: 'rm', path });
  }
  rename(from: string, to: string): void {
    this.tree.rename(from, to);
    this.changed({ op: 'rename', from, to });
  }
}
