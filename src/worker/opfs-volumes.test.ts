import { describe, expect, it } from 'vitest';
import { FakeDirectory, FakeLocks } from './opfs-fake.testkit';
import { loadOpfsVolumes, OPFS_VOLUMES_DIR, OpfsVolumes, removeOtherSavedLabs, savedLabVolumes, savedLabsDir } from './opfs-volumes';

const now = () => 0;

async function setup(root = new FakeDirectory(), locks = new FakeLocks(), sessionId = 's1') {
  const volumes = new OpfsVolumes({ root, locks, sessionId, now });
  await volumes.ready;
  const session = await (await root.getDirectoryHandle(OPFS_VOLUMES_DIR)).getDirectoryHandle(sessionId);
  return { root, locks, volumes, session };
}

describe('OPFS volumes', () => {
  it('write each volume’s files as real files under the lab’s folder', async () => {
    const { volumes, session } = await setup();
    const backend = volumes.forLab();
    const fs = backend.open('pvc-1');
    fs.mkdir('/html');
    fs.writeFile('/html/index.html', 'hello\n');
    fs.appendFile('/html/index.html', 'again\n');
    fs.writeFile('/gone', 'x');
    fs.rm('/gone');
    backend.open('pvc-2');
    await backend.flush();
    expect(session.files()).toEqual({
      '/lab-1/': '',
      '/lab-1/pvc-1/': '',
      '/lab-1/pvc-1/html/': '',
      '/lab-1/pvc-1/html/index.html': 'hello\nagain\n',
      '/lab-1/pvc-2/': '',
    });
  });

  it('move a renamed directory with its files, and remove a deleted volume’s folder', async () => {
    const { volumes, session } = await setup();
    const backend = volumes.forLab();
    const fs = backend.open('pvc-1');
    fs.mkdir('/a/b', { recursive: true });
    fs.writeFile('/a/b/f', 'data');
    fs.rename('/a', '/c');
    backend.open('pvc-2').writeFile('/x', '1');
    backend.remove('pvc-2');
    await backend.flush();
    expect(session.files()).toEqual({ '/lab-1/': '', '/lab-1/pvc-1/': '', '/lab-1/pvc-1/c/': '', '/lab-1/pvc-1/c/b/': '', '/lab-1/pvc-1/c/b/f': 'data' });
    expect(backend.list()).toEqual(['pvc-1']);
  });

  it('keep what a failed call did not do out of OPFS', async () => {
    const { volumes, session } = await setup();
    const backend = volumes.forLab();
    const fs = backend.open('pvc-1');
    expect(() => fs.writeFile('/missing/f', 'x')).toThrow('No such file or directory');
    await backend.flush();
    expect(session.files()).toEqual({ '/lab-1/': '', '/lab-1/pvc-1/': '' });
  });

  it('remove a closed lab’s folder, and give each lab its own', async () => {
    const { volumes, session } = await setup();
    const first = volumes.forLab();
    first.open('pvc-1').writeFile('/f', '1');
    const second = volumes.forLab();
    second.open('pvc-9').writeFile('/g', '2');
    first.close();
    await second.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(session.files()).toEqual({ '/lab-2/': '', '/lab-2/pvc-9/': '', '/lab-2/pvc-9/g': '2' });
  });

  it('remove the folders of sessions no page holds, and keep those another page holds', async () => {
    const root = new FakeDirectory();
    const locks = new FakeLocks();
    const dir = await root.getDirectoryHandle(OPFS_VOLUMES_DIR, { create: true });
    await dir.getDirectoryHandle('ended', { create: true });
    await dir.getDirectoryHandle('open-tab', { create: true });
    void locks.request(`${OPFS_VOLUMES_DIR}/open-tab`, () => new Promise(() => {}));
    await setup(root, locks, 'mine');
    expect([...dir.children.keys()].sort()).toEqual(['mine', 'open-tab']);
  });

  it('keep files in memory and report the failure on flush when OPFS is unavailable', async () => {
    const volumes = new OpfsVolumes({ root: Promise.reject(new Error('SecurityError')), sessionId: 's', now });
    const backend = volumes.forLab();
    const fs = backend.open('pvc-1');
    fs.writeFile('/f', 'kept');
    expect(fs.readFile('/f')).toBe('kept');
    await expect(backend.flush()).rejects.toThrow('SecurityError');
  });

  it('load a folder of volumes back as trees', async () => {
    const { volumes, session } = await setup();
    const backend = volumes.forLab();
    const fs = backend.open('pvc-1');
    fs.mkdir('/d');
    fs.writeFile('/d/f', 'content');
    await backend.flush();
    expect(await loadOpfsVolumes(await session.getDirectoryHandle('lab-1'))).toEqual([
      ['pvc-1', [{ path: '/d', type: 'dir' }, { path: '/d/f', type: 'file', data: 'content' }]],
    ]);
  });

  it('keep a saved lab’s files across loads, and remove them on discard', async () => {
    const root = new FakeDirectory();
    const saved = savedLabsDir(root);
    const first = savedLabVolumes(saved, 'lab-a', now);
    first.open('pvc-1').writeFile('/index.html', 'kept\n');
    first.close();
    await first.flush();
    const again = savedLabVolumes(saved, 'lab-a', now, await loadOpfsVolumes(await (await saved).getDirectoryHandle('lab-a')));
    expect(again.open('pvc-1').readFile('/index.html')).toBe('kept\n');
    await again.discard();
    expect(((await saved) as FakeDirectory).files()).toEqual({});
  });

  it('remove the folders of saved labs other than the current one', async () => {
    const root = new FakeDirectory();
    const saved = await savedLabsDir(root);
    await saved.getDirectoryHandle('lab-old', { create: true });
    await saved.getDirectoryHandle('lab-new', { create: true });
    await removeOtherSavedLabs(saved, 'lab-new');
    expect((saved as FakeDirectory).files()).toEqual({ '/lab-new/': '' });
  });
});
