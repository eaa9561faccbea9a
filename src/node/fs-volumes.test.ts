import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubelabHome, openFsVolumes } from './fs-volumes';

const now = () => 0;
let home: string;
afterEach(() => rmSync(home, { recursive: true, force: true }));

function freshHome(): string {
  home = mkdtempSync(join(tmpdir(), 'kubelab-'));
  return home;
}

describe('host file system volumes', () => {
  it('write a volume’s files as real files at once', () => {
    const volumes = openFsVolumes({ home: freshHome(), session: '7', now, isLive: () => false });
    const fs = volumes.open('pvc-1');
    fs.mkdir('/html');
    fs.writeFile('/html/index.html', 'hello\n');
    fs.appendFile('/html/index.html', 'more\n');
    fs.rename('/html', '/www');
    expect(readFileSync(join(home, 'volumes/7/pvc-1/www/index.html'), 'utf8')).toBe('hello\nmore\n');
    expect(existsSync(join(home, 'volumes/7/pvc-1/html'))).toBe(false);
    volumes.remove('pvc-1');
    expect(readdirSync(join(home, 'volumes/7'))).toEqual([]);
  });

  it('load the files a session folder already holds', () => {
    freshHome();
    const first = openFsVolumes({ home, session: '7', now, isLive: () => false });
    first.open('pvc-1').writeFile('/f', 'kept');
    const again = openFsVolumes({ home, session: '7', now, isLive: () => false });
    expect(again.list()).toEqual(['pvc-1']);
    expect(again.open('pvc-1').readFile('/f')).toBe('kept');
  });

  it('remove the folders of runs that ended, keep live ones, and its own on close', () => {
    freshHome();
    mkdirSync(join(home, 'volumes/ended/pvc-x'), { recursive: true });
    mkdirSync(join(home, 'volumes/running/pvc-y'), { recursive: true });
    const volumes = openFsVolumes({ home, session: 'mine', now, isLive: (s) => s === 'running' });
    expect(readdirSync(join(home, 'volumes')).sort()).toEqual(['mine', 'running']);
    volumes.close();
    expect(readdirSync(join(home, 'volumes'))).toEqual(['running']);
  });

  it('live in KUBELAB_HOME when set, else ~/.kubelab', () => {
    freshHome();
    expect(kubelabHome({ KUBELAB_HOME: '/srv/lab' })).toBe('/srv/lab');
    expect(kubelabHome({ HOME: '/home/x' }).endsWith('/.kubelab')).toBe(true);
  });
});
