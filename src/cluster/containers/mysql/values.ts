/** SQL value semantics: comparison, truth, LIKE, and fitting a value into a column's type. */
import type { ColumnDef } from './ast';
import { sqlError, type MysqlError, type SqlValue } from './types';

const p2 = (n: number) => String(n).padStart(2, '0');

/** DATETIME text of a simulated instant (the server's time zone is UTC). */
export function datetime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export function toNumber(v: SqlValue): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(v ?? '');
  return m ? Number(m[0]) : 0;
}

/** -1, 0, 1, or null when either side is NULL; strings compare case-insensitively (utf8mb4_0900_ai_ci). */
export function compare(a: SqlValue, b: SqlValue): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a), y = toNumber(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = a.toLowerCase().replace(/\s+$/, ''), y = b.toLowerCase().replace(/\s+$/, '');
  return x < y ? -1 : x > y ? 1 : 0;
}

export function truthy(v: SqlValue): boolean {
  return v !== null && toNumber(v) !== 0;
}

export function like(value: SqlValue, pattern: SqlValue): SqlValue {
  if (value === null || pattern === null) return null;
  const re = String(pattern).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${re}$`, 'is').test(String(value)) ? 1 : 0;
}

export function isNumericType(c: ColumnDef): boolean {
  return ['int', 'bigint', 'tinyint', 'smallint', 'decimal', 'float', 'double', 'boolean'].includes(c.type);
}

/** The type as DESCRIBE prints it in 8.0 (integer display widths are gone since 8.0.19). */
export function typeText(c: ColumnDef): string {
  switch (c.type) {
    case 'boolean':
      return 'tinyint(1)';
    case 'varchar':
    case 'char':
      return `${c.type}(${c.length ?? 1})`;
    case 'decimal':
      return `decimal(${c.length?.includes(',') ? c.length : `${c.length ?? 10},0`})`;
    default:
      return c.type;
  }
}

/** Fits a value into a column as strict mode does, or the error MySQL gives. */
export function coerce(c: ColumnDef, v: SqlValue, row: number): SqlValue | MysqlError {
  if (v === null) return null;
  if (isNumericType(c)) {
    if (typeof v === 'string' && !/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v)) {
      const kind = ['decimal'].includes(c.type) ? 'decimal' : ['float', 'double'].includes(c.type) ? 'double' : 'integer';
      return sqlError(1366, 'HY000', `Incorrect ${kind} value: '${v}' for column '${c.name}' at row ${row}`);
    }
    const n = toNumber(v);
    if (c.type === 'float' || c.type === 'double') return n;
    if (c.type === 'decimal') {
      const scale = Number(c.length?.split(',')[1] ?? 0);
      return n.toFixed(scale);
    }
    return Math.round(n);
  }
  const s = String(v);
  if (c.type === 'varchar' || c.type === 'char') {
    if ([...s].length > Number(c.length ?? 1)) return sqlError(1406, '22001', `Data too long for column '${c.name}' at row ${row}`);
    return s;
  }
  if (c.type === 'datetime' || c.type === 'timestamp' || c.type === 'date') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(s.trim());
    if (!m) return sqlError(1292, '22007', `Incorrect ${c.type === 'date' ? 'date' : 'datetime'} value: '${s}' for column '${c.name}' at row ${row}`);
    const date = `${m[1]}-${p2(Number(m[2]))}-${p2(Number(m[3]))}`;
    return c.type === 'date' ? date : `${date} ${p2(Number(m[4] ?? 0))}:${p2(Number(m[5] ?? 0))}:${p2(Number(m[6] ?? 0))}`;
  }
  return s;
}
