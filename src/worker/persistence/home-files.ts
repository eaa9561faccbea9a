/**
 * The learner's home directory as saved with the lab: every file under it by
 * path relative to home (what createLab's `files` takes back). Empty
 * directories and file modes are not kept.
 */
import type { FileSystem } from '../../cluster/storage/fs-types';

export const HOME_KEY = 'home';

export interface HomeBody {
  files: Record<string, string>;
}

export function readHomeFiles(fs: Pick<FileSystem, 'readdir' | 'stat' | 'readFile'>, home: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of fs.readdir(dir).sort()) {
      const path = `${dir}/${name}`;
      const relative = prefix ? `${prefix}/${name}` : name;
      if (fs.stat(path).type === 'dir') walk(path, relative);
      else files[relative] = fs.readFile(path);
    }
  };
  walk(home, '');
  return files;
}

export function validHome(body: Record<string, unknown>): body is Record<string, unknown> & HomeBody {
  const files = body.files as Record<string, unknown> | undefined;
  return !!files && typeof files === 'object' && Object.values(files).every((c) => typeof c === 'string');
}
