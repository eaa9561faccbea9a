/**
 * Where PersistentVolumes keep their files. The core only sees this interface;
 * the browser worker injects an OPFS backend and the CLI a Node fs backend,
 * tests use the memory one. `open` is synchronous because programs use the
 * synchronous FileSystem contract: a persistent backend keeps a memory mirror
 * loaded before the cluster starts and writes behind, and `flush` waits for it.
 */
import type { FileSystem } from './fs-types';
import { MemoryTree } from './memory-tree';

export interface VolumeBackend {
  /** The file tree of a volume (by PV name), created empty on first use. */
  open(volumeId: string): FileSystem;
  /** Deletes a volume and its files (its PV was deleted under the Delete reclaim policy). */
  remove(volumeId: string): void;
  /** The volumes that exist, sorted. */
  list(): string[];
  /** Resolves when every change so far is durable. */
  flush(): Promise<void>;
}

export class MemoryVolumeBackend implements VolumeBackend {
  private volumes = new Map<string, MemoryTree>();

  constructor(private readonly now: () => number) {}

  open(volumeId: string): FileSystem {
    let tree = this.volumes.get(volumeId);
    if (!tree) {
      tree = new MemoryTree(this.now);
      this.volumes.set(volumeId, tree);
    }
    return tree;
  }

  remove(volumeId: string): void {
    this.volumes.delete(volumeId);
  }

  list(): string[] {
    return [...this.volumes.keys()].sort();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }
}
