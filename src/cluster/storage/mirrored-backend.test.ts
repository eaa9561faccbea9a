import { describe, expect, it } from 'vitest';
import { MirroredVolumeBackend, type VolumeChange } from './mirrored-backend';

const now = () => 0;

describe('MirroredVolumeBackend', () => {
  it('sends each successful change to the sink in order, and none for a failed call', () => {
    const seen: VolumeChange[] = [];
    const backend = new MirroredVolumeBackend({ apply: (c) => void seen.push(c) }, now);
    const fs = backend.open('pv-1');
    fs.mkdir('/d');
    fs.writeFile('/d/f', 'a');
    fs.appendFile('/d/f', 'b');
    expect(() => fs.rm('/missing')).toThrow('No such file or directory');
    fs.rename('/d', '/e');
    backend.remove('pv-1');
    expect(seen).toEqual([
      { op: 'mkdir', volume: 'pv-1', path: '/' },
      { op: 'mkdir', volume: 'pv-1', path: '/d' },
      { op: 'write', volume: 'pv-1', path: '/d/f', data: 'a' },
      { op: 'write', volume: 'pv-1', path: '/d/f', data: 'ab' },
      { op: 'rename', volume: 'pv-1', from: '/d', to: '/e' },
      { op: 'removeVolume', volume: 'pv-1' },
    ]);
  });

  it('applies an async sink one change at a time, and flush waits for all of them', async () => {
    const applied: string[] = [];
    let running = 0;
    const backend = new MirroredVolumeBackend(
      {
        apply: async (c) => {
          expect(running++).toBe(0);
          await new Promise((r) => setTimeout(r, 1));
          applied.push(c.op === 'write' ? c.path : c.op);
          running--;
        },
      },
      now,
    );
    const fs = backend.open('pv');
    fs.writeFile('/a', '1');
    fs.writeFile('/b', '2');
    await backend.flush();
    expect(applied).toEqual(['mkdir', '/a', '/b']);
  });

  it('rejects flush with the first change the store refused, then recovers', async () => {
    const backend = new MirroredVolumeBackend({ apply: (c) => (c.op === 'write' ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()) }, now);
    backend.open('pv').writeFile('/a', 'x');
    await expect(backend.flush()).rejects.toThrow('QuotaExceededError');
    await expect(backend.flush()).resolves.toBeUndefined();
  });

  it('starts from the volumes loaded from the store without writing them back', () => {
    const seen: VolumeChange[] = [];
    const backend = new MirroredVolumeBackend({ apply: (c) => void seen.push(c) }, now, [['pv', [{ path: '/d/f', type: 'file', data: 'kept' }]]]);
    expect(backend.list()).toEqual(['pv']);
    expect(backend.open('pv').readFile('/d/f')).toBe('kept');
    expect(seen).toEqual([]);
  });
});
