import { createCluster, type Cluster } from '../cluster/cluster';
import type { Clock } from '../cluster/clock';
import type { VolumeBackend } from '../cluster/storage/volume-backend';
import type { ClusterSnapshot } from '../cluster/snapshot';
import { MemoryFileSystem } from '../shell/memory-fs';
import type { Terminal, TerminalSink } from '../shell/terminal-types';
import { createWorkstation, type Workstation } from '../shell/workstation';

/**
 * The composition root shared by the browser worker, headless sessions and the
 * CLI: one cluster, one workstation (home directory, kubeconfig), any number of
 * terminals on them.
 */
export interface LabOptions {
  seed?: number;
  clock: Clock;
  /** Files placed in the learner's home directory (relative path → content). */
  files?: Record<string, string>;
  fetchUrl?: (url: string) => Promise<string>;
  /** Where PersistentVolumes keep their files (OPFS in the browser, disk for the CLI); memory when absent. `close` runs when the lab closes. */
  storage?: VolumeBackend & { close?(): void };
  /** A saved cluster to continue instead of a fresh one (its volumes' files come with `storage`). */
  restore?: ClusterSnapshot;
}

export interface Lab {
  cluster: Cluster;
  workstation: Workstation;
  openTerminal(sink: TerminalSink, size?: { cols: number; rows: number }): Terminal;
  close(): void;
}

export function createLab(options: LabOptions): Lab {
  const cluster = createCluster({ seed: options.seed ?? 1, clock: options.clock, storage: options.storage, restore: options.restore });
  const workstation = createWorkstation({
    client: cluster.client,
    clock: options.clock,
    fs: new MemoryFileSystem(() => options.clock.now()),
    files: options.files,
    fetchUrl: options.fetchUrl,
  });
  const terminals = new Set<Terminal>();
  return {
    cluster,
    workstation,
    openTerminal(sink, size = { cols: 120, rows: 40 }) {
      const terminal = workstation.openTerminal(sink, size);
      terminals.add(terminal);
      return terminal;
    },
    close() {
      for (const t of terminals) t.close();
      terminals.clear();
      cluster.stop();
      options.storage?.close?.();
    },
  };
}
