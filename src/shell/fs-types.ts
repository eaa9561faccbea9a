/** The file-system contract lives in the core (containers and volumes implement it too). */
export { FsError, type FileStat, type FileSystem, type FsErrorCode } from '../cluster/storage/fs-types';
