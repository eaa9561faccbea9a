/** Runs one parsed statement of a session against the data directory, with MySQL 8.0's replies and errors. */
import type { ColumnDef, Expr, SelectItem, Statement, TableRef } from './ast';
import { DataDir, SYSTEM_SCHEMAS, type TableData } from './datadir';
import { columnIndex, evaluate, exprShape, UnknownColumn, UnknownFunction, UnknownSysvar, type EvalScope, type ServerInfo } from './eval';
import { parseStatement, SqlSyntaxError } from './parser';
import { sqlError, type MysqlReply, type ResultColumn, type SqlValue } from './types';
import { coerce, compare, datetime, truthy, typeText } from './values';

const ok = (affectedRows: number, info?: string, warnings = 0): MysqlReply => ({ kind: 'ok', affectedRows, warnings, info });
const text = (name: string, notNull = true): ResultColumn => ({ name, numeric: false, notNull });
/** ER_BAD_FIELD_ERROR, naming the clause the column appeared in. */
const badField = (column: string, clause: string): MysqlReply => sqlError(1054, '42S22', `Unknown column '${column}' in '${clause}'`);

/** ER_PARSE_ERROR: the rest of the statement from where parsing stopped, cut at 80 characters. */
export function syntaxError(sql: string, pos: number): MysqlReply {
  const line = sql.slice(0, pos).split('\n').length;
  return sqlError(1064, '42000', `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${sql.slice(pos).slice(0, 80)}' at line ${line}`);
}

export class SqlSession {
  database: string | null = null;

  constructor(
    private readonly data: DataDir,
    private readonly server: ServerInfo,
    /** `root@%` / `root@localhost`. */
    readonly user: string,
  ) {}

  run(sql: string): MysqlReply {
    let stmt: Statement;
    try {
      stmt = parseStatement(sql);
    } catch (e) {
      if (e instanceof SqlSyntaxError) return syntaxError(sql, e.pos);
      throw e;
    }
    try {
      return this.execute(stmt);
    } catch (e) {
      if (e instanceof UnknownFunction) return sqlError(1305, '42000', `FUNCTION ${this.database ?? 'mysql'}.${e.message.toLowerCase()} does not exist`);
      if (e instanceof UnknownSysvar) return sqlError(1193, 'HY000', `Unknown system variable '${e.message}'`);
      throw e;
    }
  }

  private scope(extra: Partial<EvalScope> = {}): EvalScope {
    return { server: this.server, database: this.database, user: this.user, ...extra };
  }

  /** The table's database, or the error for none selected / unknown database. */
  private db(ref: TableRef): string | MysqlReply {
    const db = ref.database ?? this.database;
    if (db === null) return sqlError(1046, '3D000', 'No database selected');
    return db;
  }

  private table(ref: TableRef): { db: string; data: TableData } | MysqlReply {
    const db = this.db(ref);
    if (typeof db !== 'string') return db;
    const data = this.data.read(db, ref.name);
    if (!data) return sqlError(1146, '42S02', `Table '${db}.${ref.name}' doesn't exist`);
    return { db, data };
  }

  private execute(s: Statement): MysqlReply {
    switch (s.kind) {
      case 'noop':
        return sqlError(1065, '42000', 'Query was empty');
      case 'show-databases':
        return { kind: 'rows', columns: [text('Database')], rows: this.data.databases().map((d) => [d]) };
      case 'show-tables': {
        const db = s.database ?? this.database;
        if (db === null) return sqlError(1046, '3D000', 'No database selected');
        if (!this.data.hasDatabase(db)) return sqlError(1049, '42000', `Unknown database '${db}'`);
        return { kind: 'rows', columns: [text(`Tables_in_${db}`)], rows: this.data.tables(db).map((t) => [t]) };
      }
      case 'create-database':
        if (this.data.hasDatabase(s.name)) {
          if (s.ifNotExists) return ok(1, undefined, 1);
          return sqlError(1007, 'HY000', `Can't create database '${s.name}'; database exists`);
        }
        this.data.createDatabase(s.name);
        return ok(1);
      case 'drop-database': {
        if (!this.data.hasDatabase(s.name)) {
          if (s.ifExists) return ok(0, undefined, 1);
          return sqlError(1008, 'HY000', `Can't drop database '${s.name}'; database doesn't exist`);
        }
        if (SYSTEM_SCHEMAS.includes(s.name)) return sqlError(3552, 'HY000', `Access to system schema '${s.name}' is rejected.`);
        const n = this.data.dropDatabase(s.name);
        if (this.database === s.name) this.database = null;
        return ok(n);
      }
      case 'use':
        if (!this.data.hasDatabase(s.name)) return sqlError(1049, '42000', `Unknown database '${s.name}'`);
        this.database = s.name;
        return { kind: 'ok', affectedRows: 0, warnings: 0, databaseChanged: true };
      case 'create-table':
        return this.createTable(s);
      case 'drop-table': {
        const missing: string[] = [];
        for (const ref of s.tables) {
          const db = this.db(ref);
          if (typeof db !== 'string') return db;
          if (!this.data.hasTable(db, ref.name)) missing.push(`${db}.${ref.name}`);
        }
        if (missing.length && !s.ifExists) return sqlError(1051, '42S02', `Unknown table '${missing.join(',')}'`);
        for (const ref of s.tables) {
          const db = (ref.database ?? this.database)!;
          if (this.data.hasTable(db, ref.name)) this.data.dropTable(db, ref.name);
        }
        return ok(0, undefined, missing.length);
      }
      case 'describe':
        return this.describe(s.table);
      case 'insert':
        return this.insert(s);
      case 'select':
        return this.select(s);
      case 'update':
        return this.update(s);
      case 'delete':
        return this.delete(s);
    }
  }

  private createTable(s: Extract<Statement, { kind: 'create-table' }>): MysqlReply {
    const db = this.db(s.table);
    if (typeof db !== 'string') return db;
    if (!this.data.hasDatabase(db)) return sqlError(1049, '42000', `Unknown database '${db}'`);
    if (this.data.hasTable(db, s.table.name)) {
      if (s.ifNotExists) return ok(0, undefined, 1);
      return sqlError(1050, '42S01', `Table '${s.table.name}' already exists`);
    }
    const seen = new Set<string>();
    for (const c of s.columns) {
      if (seen.has(c.name.toLowerCase())) return sqlError(1060, '42S21', `Duplicate column name '${c.name}'`);
      seen.add(c.name.toLowerCase());
    }
    const autos = s.columns.filter((c) => c.autoIncrement);
    if (autos.length > 1 || autos.some((c) => !c.primaryKey && !c.unique)) {
      return sqlError(1075, '42000', 'Incorrect table definition; there can be only one auto column and it must be defined as a key');
    }
    this.data.write(db, s.table.name, { columns: s.columns, autoIncrement: 1, rows: [] });
    return ok(0);
  }

  private describe(ref: TableRef): MysqlReply {
    const t = this.table(ref);
    if ('kind' in t) return t;
    const rows = t.data.columns.map((c): SqlValue[] => {
      const def = c.default === undefined ? null : 'now' in c.default ? 'CURRENT_TIMESTAMP' : c.default.value === null ? null : String(c.default.value);
      const extra = c.autoIncrement ? 'auto_increment' : c.default && 'now' in c.default ? 'DEFAULT_GENERATED' : '';
      return [c.name, typeText(c), c.notNull ? 'NO' : 'YES', c.primaryKey ? 'PRI' : c.unique ? 'UNI' : '', def, extra];
    });
    return { kind: 'rows', columns: [text('Field'), text('Type'), text('Null'), text('Key'), text('Default', false), text('Extra')], rows };
  }

  private insert(s: Extract<Statement, { kind: 'insert' }>): MysqlReply {
    const t = this.table(s.table);
    if ('kind' in t) return t;
    const { columns } = t.data;
    const targets = s.columns ?? columns.map((c) => c.name);
    for (const name of targets) if (columnIndex(columns, name) < 0) return badField(name, 'field list');
    const data: TableData = { ...t.data, rows: [...t.data.rows] };
    for (let r = 0; r < s.rows.length; r++) {
      const exprs = s.rows[r];
      if (exprs.length !== targets.length) return sqlError(1136, '21S01', `Column count doesn't match value count at row ${r + 1}`);
      const row: SqlValue[] = columns.map(() => null);
      const given = new Set<number>();
      for (let k = 0; k < targets.length; k++) {
        const i = columnIndex(columns, targets[k]);
        let v: SqlValue;
        try {
          v = evaluate(exprs[k], this.scope());
        } catch (e) {
          if (e instanceof UnknownColumn) return badField(e.column, 'field list');
          throw e;
        }
        const fitted = coerce(columns[i], v, r + 1);
        if (fitted !== null && typeof fitted === 'object') return fitted;
        row[i] = fitted;
        given.add(i);
      }
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        if (c.autoIncrement && (row[i] === null || row[i] === 0)) {
          row[i] = data.autoIncrement++;
          continue;
        }
        if (c.autoIncrement) data.autoIncrement = Math.max(data.autoIncrement, Number(row[i]) + 1);
        if (!given.has(i)) {
          if (c.default) row[i] = 'now' in c.default ? datetime(this.server.now()) : c.default.value;
          else if (c.notNull) return sqlError(1364, 'HY000', `Field '${c.name}' doesn't have a default value`);
        } else if (row[i] === null && c.notNull) return sqlError(1048, '23000', `Column '${c.name}' cannot be null`);
      }
      const dup = this.duplicate(s.table.name, columns, data.rows, row);
      if (dup) return dup;
      data.rows.push(row);
    }
    this.data.write(t.db, s.table.name, data);
    const n = s.rows.length;
    return ok(n, n > 1 ? `Records: ${n}  Duplicates: 0  Warnings: 0` : undefined);
  }

  private duplicate(table: string, columns: ColumnDef[], rows: SqlValue[][], row: SqlValue[], skip?: SqlValue[]): MysqlReply | undefined {
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (!c.primaryKey && !c.unique) continue;
      if (row[i] === null) continue;
      if (rows.some((other) => other !== skip && compare(other[i], row[i]) === 0)) {
        return sqlError(1062, '23000', `Duplicate entry '${row[i]}' for key '${table}.${c.primaryKey ? 'PRIMARY' : c.name}'`);
      }
    }
    return undefined;
  }

  /** Rows matching WHERE, or the error for an unknown column in it. */
  private matching(data: TableData, where: Expr | undefined): SqlValue[][] | MysqlReply {
    try {
      return data.rows.filter((row) => !where || truthy(evaluate(where, this.scope({ columns: data.columns, row }))));
    } catch (e) {
      if (e instanceof UnknownColumn) return badField(e.column, 'where clause');
      throw e;
    }
  }

  private select(s: Extract<Statement, { kind: 'select' }>): MysqlReply {
    let data: TableData | undefined;
    if (s.from) {
      const t = this.table(s.from);
      if ('kind' in t) return t;
      data = t.data;
    }
    const items: SelectItem[] = s.items.flatMap((it) => (it.star ? (data?.columns ?? []).map((c) => ({ expr: { kind: 'column', name: c.name } as Expr, label: c.name })) : [it]));
    if (s.items.some((it) => it.star) && !data) return sqlError(1096, 'HY000', 'No tables used');
    let rows: SqlValue[][] = [[]];
    if (data) {
      const found = this.matching(data, s.where);
      if (!Array.isArray(found)) return found;
      rows = found;
    } else if (s.where && !truthy(this.safeEval(s.where))) rows = [];
    const aggregate = items.some((it) => it.expr.kind === 'call' && it.expr.name === 'COUNT');
    const count = rows.length;
    if (aggregate) rows = [rows[0] ?? data?.columns.map(() => null) ?? []];
    try {
      for (const o of [...s.orderBy].reverse()) {
        const keyed = rows.map((row) => ({ row, key: evaluate(o.expr, this.scope({ columns: data?.columns, row })) }));
        keyed.sort((a, b) => {
          const c = a.key === null ? (b.key === null ? 0 : -1) : b.key === null ? 1 : compare(a.key, b.key)!;
          return o.desc ? -c : c;
        });
        rows = keyed.map((k) => k.row);
      }
    } catch (e) {
      if (e instanceof UnknownColumn) return badField(e.column, 'order clause');
      throw e;
    }
    rows = rows.slice(s.offset ?? 0, s.limit === undefined ? undefined : (s.offset ?? 0) + s.limit);
    const columns = items.map((it) => ({ name: it.label, ...exprShape(it.expr, data?.columns) }));
    try {
      const out = rows.map((row) => items.map((it) => evaluate(it.expr, this.scope({ columns: data?.columns, row, count }))));
      return { kind: 'rows', columns, rows: out };
    } catch (e) {
      if (e instanceof UnknownColumn) return badField(e.column, 'field list');
      throw e;
    }
  }

  private safeEval(e: Expr): SqlValue {
    try {
      return evaluate(e, this.scope());
    } catch (err) {
      if (err instanceof UnknownColumn) return null;
      throw err;
    }
  }

  private update(s: Extract<Statement, { kind: 'update' }>): MysqlReply {
    const t = this.table(s.table);
    if ('kind' in t) return t;
    const { columns } = t.data;
    for (const set of s.sets) if (columnIndex(columns, set.column) < 0) return badField(set.column, 'field list');
    const found = this.matching(t.data, s.where);
    if (!Array.isArray(found)) return found;
    const targets = new Set(s.limit === undefined ? found : found.slice(0, s.limit));
    let changed = 0;
    const rows: SqlValue[][] = [];
    for (const row of t.data.rows) {
      if (!targets.has(row)) {
        rows.push(row);
        continue;
      }
      const next = [...row];
      for (const set of s.sets) {
        const i = columnIndex(columns, set.column);
        let v: SqlValue;
        try {
          v = evaluate(set.value, this.scope({ columns, row }));
        } catch (e) {
          if (e instanceof UnknownColumn) return badField(e.column, 'field list');
          throw e;
        }
        const fitted = coerce(columns[i], v, 1);
        if (fitted !== null && typeof fitted === 'object') return fitted;
        if (fitted === null && columns[i].notNull) return sqlError(1048, '23000', `Column '${columns[i].name}' cannot be null`);
        next[i] = fitted;
      }
      const dup = this.duplicate(s.table.name, columns, t.data.rows, next, row);
      if (dup) return dup;
      if (next.some((v, i) => v !== row[i])) changed++;
      rows.push(next);
    }
    this.data.write(t.db, s.table.name, { ...t.data, rows });
    return ok(changed, `Rows matched: ${targets.size}  Changed: ${changed}  Warnings: 0`);
  }

  private delete(s: Extract<Statement, { kind: 'delete' }>): MysqlReply {
    const t = this.table(s.table);
    if ('kind' in t) return t;
    const found = this.matching(t.data, s.where);
    if (!Array.isArray(found)) return found;
    const gone = new Set(s.limit === undefined ? found : found.slice(0, s.limit));
    this.data.write(t.db, s.table.name, { ...t.data, rows: t.data.rows.filter((r) => !gone.has(r)) });
    return ok(gone.size);
  }
}
