/** Evaluates expressions against a row (or none), with the session's functions and system variables. */
import type { ColumnDef, Expr } from './ast';
import { utf8Length } from '../../storage/utf8';
import { compare, datetime, isNumericType, like, toNumber, truthy } from './values';
import type { SqlValue } from './types';

export interface ServerInfo {
  version: string;
  hostname: string;
  serverId: number;
  port: number;
  now(): number;
}

export interface EvalScope {
  server: ServerInfo;
  database: string | null;
  /** `user@host` as CURRENT_USER() prints it. */
  user: string;
  columns?: ColumnDef[];
  row?: SqlValue[];
  /** For COUNT(*): how many rows the query matched. */
  count?: number;
}

export class UnknownColumn extends Error {
  constructor(readonly column: string) {
    super(column);
  }
}

export function columnIndex(columns: ColumnDef[] | undefined, name: string): number {
  return (columns ?? []).findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
}

const SYSVARS: Record<string, (s: EvalScope) => SqlValue> = {
  hostname: (s) => s.server.hostname,
  server_id: (s) => s.server.serverId,
  version: (s) => s.server.version,
  version_comment: () => 'MySQL Community Server - GPL',
  port: (s) => s.server.port,
  datadir: () => '/var/lib/mysql/',
  socket: () => '/var/run/mysqld/mysqld.sock',
  autocommit: () => 1,
  max_connections: () => 151,
  character_set_server: () => 'utf8mb4',
  collation_server: () => 'utf8mb4_0900_ai_ci',
  time_zone: () => 'SYSTEM',
  system_time_zone: () => 'UTC',
  sql_mode: () => 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',
  read_only: () => 0,
};

export class UnknownSysvar extends Error {}

export function evaluate(e: Expr, s: EvalScope): SqlValue {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'column': {
      const i = columnIndex(s.columns, e.name);
      if (i < 0 || !s.row) throw new UnknownColumn(e.table ? `${e.table}.${e.name}` : e.name);
      return s.row[i];
    }
    case 'sysvar': {
      const f = SYSVARS[e.name];
      if (!f) throw new UnknownSysvar(e.name);
      return f(s);
    }
    case 'isnull': {
      const v = evaluate(e.arg, s) === null;
      return (e.not ? !v : v) ? 1 : 0;
    }
    case 'unary': {
      const v = evaluate(e.arg, s);
      if (v === null) return null;
      return e.op === 'NOT' ? (truthy(v) ? 0 : 1) : -toNumber(v);
    }
    case 'binary':
      return binary(e.op, e.left, e.right, s);
    case 'call':
      return call(e, s);
  }
}

function binary(op: string, l: Expr, r: Expr, s: EvalScope): SqlValue {
  if (op === 'AND') {
    const a = evaluate(l, s);
    if (a !== null && !truthy(a)) return 0;
    const b = evaluate(r, s);
    if (b !== null && !truthy(b)) return 0;
    return a === null || b === null ? null : 1;
  }
  if (op === 'OR') {
    const a = evaluate(l, s);
    if (a !== null && truthy(a)) return 1;
    const b = evaluate(r, s);
    if (b !== null && truthy(b)) return 1;
    return a === null || b === null ? null : 0;
  }
  const a = evaluate(l, s);
  const b = evaluate(r, s);
  if (op === 'LIKE') return like(a, b);
  if (op === '<=>') return a === null || b === null ? (a === b ? 1 : 0) : compare(a, b) === 0 ? 1 : 0;
  if (a === null || b === null) return null;
  const c = compare(a, b)!;
  switch (op) {
    case '=':
      return c === 0 ? 1 : 0;
    case '!=':
      return c !== 0 ? 1 : 0;
    case '<':
      return c < 0 ? 1 : 0;
    case '>':
      return c > 0 ? 1 : 0;
    case '<=':
      return c <= 0 ? 1 : 0;
    case '>=':
      return c >= 0 ? 1 : 0;
  }
  const x = toNumber(a), y = toNumber(b);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? null : (x / y).toFixed(4);
    default:
      return y === 0 ? null : x % y;
  }
}

export class UnknownFunction extends Error {}

function call(e: Extract<Expr, { kind: 'call' }>, s: EvalScope): SqlValue {
  const arg = (i: number) => (e.args[i] ? evaluate(e.args[i], s) : null);
  switch (e.name) {
    case 'NOW':
    case 'CURRENT_TIMESTAMP':
    case 'SYSDATE':
    case 'LOCALTIME':
      return datetime(s.server.now());
    case 'CURDATE':
    case 'CURRENT_DATE':
      return datetime(s.server.now()).slice(0, 10);
    case 'VERSION':
      return s.server.version;
    case 'DATABASE':
    case 'SCHEMA':
      return s.database;
    case 'USER':
    case 'CURRENT_USER':
    case 'SESSION_USER':
    case 'SYSTEM_USER':
      return s.user;
    case 'CONNECTION_ID':
      return 0;
    case 'COUNT':
      return s.count ?? 0;
    case 'UPPER':
    case 'UCASE':
      return arg(0) === null ? null : String(arg(0)).toUpperCase();
    case 'LOWER':
    case 'LCASE':
      return arg(0) === null ? null : String(arg(0)).toLowerCase();
    case 'LENGTH':
      return arg(0) === null ? null : utf8Length(String(arg(0)));
    case 'CONCAT': {
      const parts = e.args.map((a) => evaluate(a, s));
      return parts.some((p) => p === null) ? null : parts.join('');
    }
    default:
      throw new UnknownFunction(e.name);
  }
}

/** Whether an expression's value is a number (the client right-aligns it) and never NULL. */
export function exprShape(e: Expr, columns: ColumnDef[] | undefined): { numeric: boolean; notNull: boolean } {
  switch (e.kind) {
    case 'literal':
      return { numeric: typeof e.value === 'number', notNull: e.value !== null };
    case 'column': {
      const c = columns?.[columnIndex(columns, e.name)];
      return { numeric: c ? isNumericType(c) : false, notNull: c?.notNull ?? false };
    }
    case 'sysvar':
      return { numeric: ['server_id', 'port', 'autocommit', 'max_connections', 'read_only'].includes(e.name), notNull: false };
    case 'call':
      if (e.name === 'COUNT' || e.name === 'LENGTH' || e.name === 'CONNECTION_ID') return { numeric: true, notNull: e.name !== 'LENGTH' };
      return { numeric: false, notNull: !['DATABASE', 'SCHEMA'].includes(e.name) };
    case 'isnull':
      return { numeric: true, notNull: true };
    case 'unary':
    case 'binary':
      return { numeric: true, notNull: false };
  }
}
