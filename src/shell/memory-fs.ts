/** The workstation's files use the core's in-memory tree (containers and volumes use it too). */
export { MemoryTree as MemoryFileSystem } from '../cluster/storage/memory-tree';
