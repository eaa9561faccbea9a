/**
 * mysqld's data directory on the container's file system: a directory per
 * database and a `<table>.ibd` file per table, as real InnoDB lays them out;
 * kubelab keeps a table's definition and rows in that file as JSON.
 */
import type { FileSystem } from '../../storage/fs-types';
import type { ColumnDef } from './ast';
import type { SqlValue } from './types';

export const DATADIR = '/var/lib/mysql';

export interface TableData {
  columns: ColumnDef[];
  autoIncrement: number;
  rows: SqlValue[][];
}

/** Databases the server has that are not directories (information_schema is a view of the dictionary). */
const VIRTUAL = ['information_schema'];
/** System schemas users may not write to in kubelab. */
export const SYSTEM_SCHEMAS = ['information_schema', 'mysql', 'performance_schema', 'sys'];

export class DataDir {
  constructor(
    readonly fs: FileSystem,
    readonly root = DATADIR,
  ) {}

  private dir(db: string): string {
    return `${this.root}/${db}`;
  }
  private file(db: string, table: string): string {
    return `${this.dir(db)}/${table}.ibd`;
  }

  databases(): string[] {
    const dirs = this.fs.exists(this.root) ? this.fs.readdir(this.root).filter((n) => !n.startsWith('#') && this.fs.stat(`${this.root}/${n}`).type === 'dir') : [];
    return [...VIRTUAL, ...dirs].sort();
  }

  hasDatabase(db: string): boolean {
    return VIRTUAL.includes(db) || (this.fs.exists(this.dir(db)) && this.fs.stat(this.dir(db)).type === 'dir' && !db.startsWith('#'));
  }

  createDatabase(db: string): void {
    this.fs.mkdir(this.dir(db), { recursive: true });
  }

  /** Drops the database; returns how many tables went with it. */
  dropDatabase(db: string): number {
    const n = this.tables(db).length;
    this.fs.rm(this.dir(db), { recursive: true });
    return n;
  }

  tables(db: string): string[] {
    if (!this.fs.exists(this.dir(db))) return [];
    return this.fs
      .readdir(this.dir(db))
      .filter((n) => n.endsWith('.ibd'))
      .map((n) => n.slice(0, -4))
      .sort();
  }

  hasTable(db: string, table: string): boolean {
    return this.fs.exists(this.file(db, table));
  }

  read(db: string, table: string): TableData | undefined {
    if (!this.hasTable(db, table)) return undefined;
    try {
      return JSON.parse(this.fs.readFile(this.file(db, table))) as TableData;
    } catch {
      return undefined;
    }
  }

  write(db: string, table: string, data: TableData): void {
    this.fs.writeFile(this.file(db, table), JSON.stringify(data));
  }

  dropTable(db: string, table: string): void {
    this.fs.rm(this.file(db, table));
  }
}
