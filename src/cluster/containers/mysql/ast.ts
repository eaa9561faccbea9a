/** The statements and expressions of kubelab's SQL subset. */
import type { SqlValue } from './types';

export type Expr =
  | { kind: 'literal'; value: SqlValue }
  | { kind: 'column'; name: string; table?: string }
  | { kind: 'sysvar'; name: string }
  | { kind: 'call'; name: string; args: Expr[]; star?: boolean }
  | { kind: 'unary'; op: 'NOT' | '-'; arg: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'isnull'; arg: Expr; not: boolean };

export type ColumnType = 'int' | 'bigint' | 'tinyint' | 'smallint' | 'decimal' | 'float' | 'double' | 'varchar' | 'char' | 'text' | 'datetime' | 'date' | 'timestamp' | 'boolean';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  /** varchar(n), char(n), decimal(p,s) as written. */
  length?: string;
  notNull: boolean;
  autoIncrement: boolean;
  primaryKey: boolean;
  unique: boolean;
  /** A literal default, or CURRENT_TIMESTAMP. */
  default?: { value: SqlValue } | { now: true };
}

export interface SelectItem {
  expr: Expr;
  /** The header: the alias, else the expression as written. */
  label: string;
  star?: boolean;
}

export type Statement =
  | { kind: 'show-databases' }
  | { kind: 'show-tables'; database?: string }
  | { kind: 'create-database'; name: string; ifNotExists: boolean }
  | { kind: 'drop-database'; name: string; ifExists: boolean }
  | { kind: 'use'; name: string }
  | { kind: 'create-table'; table: TableRef; ifNotExists: boolean; columns: ColumnDef[] }
  | { kind: 'drop-table'; tables: TableRef[]; ifExists: boolean }
  | { kind: 'describe'; table: TableRef }
  | { kind: 'insert'; table: TableRef; columns?: string[]; rows: Expr[][] }
  | { kind: 'select'; items: SelectItem[]; from?: TableRef; where?: Expr; orderBy: { expr: Expr; desc: boolean }[]; limit?: number; offset?: number }
  | { kind: 'update'; table: TableRef; sets: { column: string; value: Expr }[]; where?: Expr; limit?: number }
  | { kind: 'delete'; table: TableRef; where?: Expr; limit?: number }
  | { kind: 'noop' };

export interface TableRef {
  database?: string;
  name: string;
}
