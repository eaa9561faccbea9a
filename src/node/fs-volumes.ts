/**
 * PersistentVolume files on the host for the CLI: each volume is a real
 * folder, `$KUBELAB_HOME/volumes/<pid>/<pv>/…` (KUBELAB_HOME defaults to
 * ~/.kubelab). The cluster's API objects do not outlive the process yet, so a
 * run owns a folder named after its process id and removes those of runs that
 * have ended; its own goes when the lab closes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MirroredVolumeBackend, type VolumeChange, type VolumeEntry, type VolumeSink } from '../cluster/storage/mirrored-backend';
import type { VolumeBackend } from '../cluster/storage/volume-backend';

export function kubelabHome(env: Record<string, string | undefined> = process.env): string {
  return env.KUBELAB_HOME || join(homedir(), '.kubelab');
}

export interface FsVolumesOptions {
  /** The kubelab home; volumes go under `<home>/volumes/<session>/`. */
  home: string;
  session: string;
  now: () => number;
  /** Whether another run still owns a session folder (default: its process id is alive). */
  isLive?: (session: string) => boolean;
}

/** A lab's volumes on disk; `close` removes the session folder. */
export type FsVolumes = VolumeBackend & { readonly dir: string; close(): void };

export function openFsVolumes(options: FsVolumesOptions): FsVolumes {
  const root = join(options.home, 'volumes');
  const isLive = options.isLive ?? processAlive;
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(root)) {
    if (name !== options.session && !isLive(name)) rmSync(join(root, name), { recursive: true, force: true });
  }
  const dir = join(root, options.session);
  mkdirSync(dir, { recursive: true });
  const backend = new MirroredVolumeBackend(new FsSink(dir), options.now, loadFsVolumes(dir));
  return Object.assign(backend, { dir, close: () => rmSync(dir, { recursive: true, force: true }) });
}

function processAlive(session: string): boolean {
  const pid = Number(session);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every volume under `dir` with its directories and files. */
export function loadFsVolumes(dir: string): Array<[string, VolumeEntry[]]> {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const entries: VolumeEntry[] = [];
      walk(join(dir, name), '', entries);
      return [name, entries];
    });
}

function walk(dir: string, prefix: string, out: VolumeEntry[]): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}/${d.name}`;
    if (d.isDirectory()) {
      out.push({ path, type: 'dir' });
      walk(join(dir, d.name), path, out);
    } else if (d.isFile()) {
      out.push({ path, type: 'file', data: readFileSync(join(dir, d.name), 'utf8') });
    }
  }
}

/** Replays volume changes on the host file system, synchronously. */
export class FsSink implements VolumeSink {
  constructor(private readonly dir: string) {}

  apply(change: VolumeChange): void {
    if (change.op === 'removeVolume') {
      rmSync(join(this.dir, change.volume), { recursive: true, force: true });
      return;
    }
    const at = (path: string) => join(this.dir, change.volume, ...path.split('/').filter((p) => p !== ''));
    switch (change.op) {
      case 'mkdir':
        mkdirSync(at(change.path), { recursive: true });
        return;
      case 'write':
        mkdirSync(at(change.path.slice(0, change.path.lastIndexOf('/'))), { recursive: true });
        writeFileSync(at(change.path), change.data);
        return;
      case 'rm':
        rmSync(at(change.path), { recursive: true, force: true });
        return;
      case 'rename':
        if (existsSync(at(change.to))) rmSync(at(change.to), { recursive: true, force: true });
        renameSync(at(change.from), at(change.to));
        return;
    }
  }
}
