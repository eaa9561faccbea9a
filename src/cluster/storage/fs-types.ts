/**
 * A file system as programs see it (the workstation, a container, a volume).
 * Paths are absolute and already normalised (no '.', '..' or '//'). Failures
 * throw FsError with the errno code, and programs print it the way coreutils
 * does ("cat: nope.txt: No such file or directory").
 */
export interface FileSystem {
  readFile(path: string): string;
  writeFile(path: string, data: string): void;
  appendFile(path: string, data: string): void;
  /** Entry names, sorted. */
  readdir(path: string): string[];
  stat(path: string): FileStat;
  exists(path: string): boolean;
  mkdir(path: string, options?: { recursive?: boolean }): void;
  /** Removes a file, or a directory (recursive required when non-empty). */
  rm(path: string, options?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
}

export interface FileStat {
  type: 'file' | 'dir';
  size: number;
  mtimeMs: number;
  mode: number;
}

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EACCES' | 'EINVAL' | 'EROFS' | 'EBUSY';

const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  EROFS: 'Read-only file system',
  EBUSY: 'Device or resource busy',
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(MESSAGES[code]);
    this.name = 'FsError';
  }
}
