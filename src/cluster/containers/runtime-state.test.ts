import { describe, expect, it } from 'vitest';
import { MemoryTree } from '../storage/memory-tree';
import { applyEntries, layerDiff } from './runtime-state';

/** A small "image": built at time 100, like a container's fresh layer. */
function image(now: () => number = () => 100): MemoryTree {
  const t = new MemoryTree(now);
  t.mkdir('/etc/nginx/conf.d', { recursive: true });
  t.mkdir('/tmp', { recursive: true });
  t.writeFile('/etc/hostname', 'web-0\n');
  t.writeFile('/etc/nginx/conf.d/default.conf', 'server {}\n');
  return t;
}

/** Replays a diff over a fresh image through JSON, as a restored lab does. */
function replay(changed: MemoryTree): MemoryTree {
  const entries = JSON.parse(JSON.stringify(layerDiff(image(), changed)));
  const restored = image();
  applyEntries(restored, entries);
  return restored;
}

describe('container layer diff', () => {
  it('is empty for an untouched layer', () => {
    expect(layerDiff(image(), image())).toEqual([]);
  });

  it('lists written files with their parent directory, and only the topmost removed path', () => {
    let time = 100;
    const layer = image(() => time);
    time = 200;
    layer.writeFile('/tmp/a', 'x');
    time = 300;
    layer.rm('/etc/nginx', { recursive: true });
    expect(layerDiff(image(), layer)).toEqual([
      { path: '/etc/nginx', type: 'removed' },
      { path: '/etc', type: 'dir', mtimeMs: 300, mode: 0o755 },
      { path: '/tmp', type: 'dir', mtimeMs: 200, mode: 0o755 },
      { path: '/tmp/a', type: 'file', data: 'x', mtimeMs: 200, mode: 0o644 },
    ]);
  });

  it('replays writes, removals, renames and a file replacing a directory to the same tree', () => {
    let time = 100;
    const layer = image(() => time);
    time = 200;
    layer.writeFile('/etc/hostname', 'changed\n');
    time++;
    layer.rename('/etc/nginx', '/srv');
    layer.rm('/tmp');
    layer.writeFile('/tmp', 'now a file');
    layer.mkdir('/var/cache/x', { recursive: true });
    layer.appendFile('/var/cache/x/bin', '\u0000\udc80\u00ff');
    expect(replay(layer).entries()).toEqual(layer.entries());
  });

  it('keeps a change made at the second the container started', () => {
    const layer = image();
    layer.writeFile('/tmp/same-second', '1');
    expect(replay(layer).entries()).toEqual(layer.entries());
  });
});
