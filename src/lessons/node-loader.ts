/** Node-only: reads lessons/ from disk into the path → text map the loader takes (tests, headless, CLI). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's lessons/ folder. */
export const LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every file under `lessonsDir` keyed 'lessons/<id>/…'. */
export function readLessonFiles(lessonsDir: string = LESSONS_DIR, only?: string): Record<string, string> {
  const root = only ? join(lessonsDir, only) : lessonsDir;
  const out: Record<string, string> = {};
  for (const path of walk(root)) {
    out[`lessons/${relative(lessonsDir, path).split(/[\\/]/).join('/')}`] = readFileSync(path, 'utf8');
  }
  return out;
}
