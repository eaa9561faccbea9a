/** Path helpers: every path the fs sees is absolute and normalised. */

import { normalizePath, parentPath } from '../cluster/storage/path';

/** Resolves a path as typed (relative to cwd) to an absolute, normalised one. */
export function resolvePath(cwd: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

export function dirname(path: string): string {
  return parentPath(normalizePath(path));
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
