/**
 * PersistentVolume files in the browser's Origin Private File System: each
 * volume is a real folder of real files, `kubelab-volumes/<session>/<lab>/<pv>/…`.
 * Lesson labs do not outlive the page, so a page claims a session folder
 * (held by a Web Lock while the worker lives) and removes the folders of
 * sessions no page holds any more; a closed lab's folder goes too.
 * The one saved lab (restored on reload) keeps its volumes apart, in
 * `kubelab-saved/<name>/<pv>/…`, which no session cleanup touches.
 */
import { MirroredVolumeBackend, type VolumeChange, type VolumeEntry, type VolumeSink } from '../cluster/storage/mirrored-backend';
import type { VolumeBackend } from '../cluster/storage/volume-backend';

/** The part of FileSystemDirectoryHandle used here (tests pass a fake). */
export interface OpfsDirectory {
  readonly kind: 'directory';
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<OpfsDirectory>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<OpfsFile>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  entries(): AsyncIterable<[string, OpfsDirectory | OpfsFile]>;
}

export interface OpfsFile {
  readonly kind: 'file';
  getFile(): Promise<{ text(): Promise<string> }>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

/** The part of the Web Locks API used here. */
export interface LockManagerLike {
  request(name: string, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

export const OPFS_VOLUMES_DIR = 'kubelab-volumes';
export const OPFS_SAVED_DIR = 'kubelab-saved';

/** A lab's volumes; `close` removes their folder once pending writes are done. */
export type LabVolumes = VolumeBackend & { close(): void };

export class OpfsVolumes {
  private labs = 0;
  /** Resolves once the session folder is claimed and stale sessions are gone; rejects when OPFS is unavailable. */
  readonly ready: Promise<void>;
  private readonly session: Promise<OpfsDirectory>;

  /**
   * Starts claiming this page's session folder and removing those of sessions
   * no page holds. Labs can be made at once: their writes wait for the claim,
   * and their files stay in memory if OPFS is unavailable.
   */
  constructor(options: { root: Promise<OpfsDirectory> | OpfsDirectory; locks?: LockManagerLike; sessionId: string; now: () => number }) {
    this.now = options.now;
    this.session = claimSession(options);
    this.ready = this.session.then(() => undefined);
    this.ready.catch(() => {}); // reported by each lab's flush()
  }

  private readonly now: () => number;

  /** A fresh, empty set of volumes for one lab (one cluster). */
  forLab(): LabVolumes {
    const name = `lab-${++this.labs}`;
    const folder = this.session.then((s) => s.getDirectoryHandle(name, { create: true }));
    folder.catch(() => {});
    const backend = new MirroredVolumeBackend(new OpfsSink(folder), this.now);
    return Object.assign(backend, {
      close: () => {
        void backend
          .flush()
          .catch(() => {})
          .then(() => this.session)
          .then((s) => s.removeEntry(name, { recursive: true }))
          .catch(() => {});
      },
    });
  }
}

async function claimSession(options: { root: Promise<OpfsDirectory> | OpfsDirectory; locks?: LockManagerLike; sessionId: string }): Promise<OpfsDirectory> {
  const { locks, sessionId } = options;
  const volumesDir = await (await options.root).getDirectoryHandle(OPFS_VOLUMES_DIR, { create: true });
  if (locks) {
    await new Promise<void>((granted) => {
      void locks.request(lockName(sessionId), () => {
        granted();
        return new Promise(() => {}); // held until the worker ends
      });
    });
    const others: string[] = [];
    for await (const [name] of volumesDir.entries()) if (name !== sessionId) others.push(name);
    for (const name of others) {
      await locks.request(lockName(name), { ifAvailable: true }, async (lock) => {
        if (lock) await volumesDir.removeEntry(name, { recursive: true }).catch(() => {});
      });
    }
  }
  return volumesDir.getDirectoryHandle(sessionId, { create: true });
}

function lockName(sessionId: string): string {
  return `${OPFS_VOLUMES_DIR}/${sessionId}`;
}

/** A saved lab's volumes, kept across reloads: `close` only flushes; `discard` removes their folder (reset). */
export type SavedLabVolumes = LabVolumes & { discard(): Promise<void> };

/** The folder of saved labs' volumes (rejects when OPFS is unavailable). */
export async function savedLabsDir(root: Promise<OpfsDirectory> | OpfsDirectory): Promise<OpfsDirectory> {
  return (await root).getDirectoryHandle(OPFS_SAVED_DIR, { create: true });
}

/** The volumes of saved lab `name`, starting from `loaded` (see loadOpfsVolumes); writes wait for the folder. */
export function savedLabVolumes(saved: Promise<OpfsDirectory>, name: string, now: () => number, loaded: Array<[string, VolumeEntry[]]> = []): SavedLabVolumes {
  const dir = saved.then((s) => s.getDirectoryHandle(name, { create: true }));
  dir.catch(() => {});
  const backend = new MirroredVolumeBackend(new OpfsSink(dir), now, loaded);
  return Object.assign(backend, {
    close: () => void backend.flush().catch(() => {}),
    discard: async () => {
      await backend.flush().catch(() => {});
      await ignoreMissing((await saved).removeEntry(name, { recursive: true }));
    },
  });
}

/** Removes the folders of saved labs named `prefix…` other than `keep` (left behind by a reset or a crash). */
export async function removeOtherSavedLabs(saved: OpfsDirectory, keep: string, prefix = ''): Promise<void> {
  const others: string[] = [];
  for await (const [name] of saved.entries()) if (name !== keep && name.startsWith(prefix)) others.push(name);
  for (const name of others) await ignoreMissing(saved.removeEntry(name, { recursive: true }));
}

/** Every volume under `dir` (one folder each) with its directories and files, for a backend to start from. */
export async function loadOpfsVolumes(dir: OpfsDirectory): Promise<Array<[string, VolumeEntry[]]>> {
  const volumes: Array<[string, VolumeEntry[]]> = [];
  for await (const [name, handle] of dir.entries()) {
    if (handle.kind !== 'directory') continue;
    const entries: VolumeEntry[] = [];
    await walk(handle, '', entries);
    volumes.push([name, entries]);
  }
  return volumes.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

async function walk(dir: OpfsDirectory, prefix: string, out: VolumeEntry[]): Promise<void> {
  for await (const [name, handle] of dir.entries()) {
    const path = `${prefix}/${name}`;
    if (handle.kind === 'directory') {
      out.push({ path, type: 'dir' });
      await walk(handle, path, out);
    } else {
      out.push({ path, type: 'file', data: await (await handle.getFile()).text() });
    }
  }
}

/** Replays a volume change on OPFS. */
export class OpfsSink implements VolumeSink {
  constructor(private readonly root: OpfsDirectory | Promise<OpfsDirectory>) {}

  async apply(change: VolumeChange): Promise<void> {
    const root = await this.root;
    if (change.op === 'removeVolume') return ignoreMissing(root.removeEntry(change.volume, { recursive: true }));
    const volume = await root.getDirectoryHandle(change.volume, { create: true });
    switch (change.op) {
      case 'mkdir':
        await folder(volume, parts(change.path), true);
        return;
      case 'write': {
        const { parent, name } = await parentOf(volume, change.path);
        const writable = await (await parent.getFileHandle(name, { create: true })).createWritable();
        await writable.write(change.data);
        await writable.close();
        return;
      }
      case 'rm': {
        const { parent, name } = await parentOf(volume, change.path);
        return ignoreMissing(parent.removeEntry(name, { recursive: true }));
      }
      case 'rename': {
        const from = await parentOf(volume, change.from);
        const to = await parentOf(volume, change.to);
        await ignoreMissing(to.parent.removeEntry(to.name, { recursive: true }));
        await copy(from.parent, from.name, to.parent, to.name);
        await from.parent.removeEntry(from.name, { recursive: true });
        return;
      }
    }
  }
}

function parts(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

async function folder(dir: OpfsDirectory, names: string[], create: boolean): Promise<OpfsDirectory> {
  for (const name of names) dir = await dir.getDirectoryHandle(name, { create });
  return dir;
}

async function parentOf(volume: OpfsDirectory, path: string): Promise<{ parent: OpfsDirectory; name: string }> {
  const names = parts(path);
  const name = names.pop()!;
  return { parent: await folder(volume, names, true), name };
}

/** OPFS has no portable rename: copy the entry, then the caller removes the source. */
async function copy(fromDir: OpfsDirectory, fromName: string, toDir: OpfsDirectory, toName: string): Promise<void> {
  let source: OpfsDirectory | OpfsFile;
  try {
    source = await fromDir.getFileHandle(fromName);
  } catch {
    source = await fromDir.getDirectoryHandle(fromName);
  }
  if (source.kind === 'file') {
    const writable = await (await toDir.getFileHandle(toName, { create: true })).createWritable();
    await writable.write(await (await source.getFile()).text());
    await writable.close();
    return;
  }
  const target = await toDir.getDirectoryHandle(toName, { create: true });
  for await (const [name] of source.entries()) await copy(source, name, target, name);
}

async function ignoreMissing(pending: Promise<void>): Promise<void> {
  try {
    await pending;
  } catch (e) {
    if ((e as { name?: string }).name !== 'NotFoundError') throw e;
  }
}

/** This worker's OPFS volumes (files stay in memory only where the browser has no OPFS). */
export function browserOpfsVolumes(now: () => number): OpfsVolumes {
  const storage = globalThis.navigator?.storage;
  const root = storage?.getDirectory ? (storage.getDirectory() as Promise<OpfsDirectory>) : Promise.reject(new Error('no Origin Private File System'));
  const locks = globalThis.navigator?.locks as LockManagerLike | undefined;
  return new OpfsVolumes({ root, locks, sessionId: crypto.randomUUID(), now });
}
