/** A recursive-descent parser for kubelab's SQL subset; a failure names the offset MySQL's `near '...'` starts at. */
import type { ColumnDef, ColumnType, Expr, SelectItem, Statement, TableRef } from './ast';
import { tokenize, type Token } from './lexer';

export class SqlSyntaxError extends Error {
  constructor(readonly pos: number) {
    super('syntax error');
  }
}

const TYPES: Record<string, ColumnType> = {
  INT: 'int', INTEGER: 'int', BIGINT: 'bigint', TINYINT: 'tinyint', SMALLINT: 'smallint', DECIMAL: 'decimal', NUMERIC: 'decimal',
  FLOAT: 'float', DOUBLE: 'double', VARCHAR: 'varchar', CHAR: 'char', TEXT: 'text', DATETIME: 'datetime', DATE: 'date', TIMESTAMP: 'timestamp',
  BOOLEAN: 'boolean', BOOL: 'boolean',
};

export function parseStatement(sql: string): Statement {
  const tokens = tokenize(sql);
  if (!Array.isArray(tokens)) throw new SqlSyntaxError(tokens.errorAt);
  return new Parser(sql, tokens).statement();
}

class Parser {
  private i = 0;
  constructor(
    private readonly sql: string,
    private readonly tokens: Token[],
  ) {}

  private get t(): Token {
    return this.tokens[this.i];
  }
  private fail(): never {
    throw new SqlSyntaxError(this.t.pos);
  }
  private isWord(...words: string[]): boolean {
    return this.t.kind === 'ident' && words.includes(this.t.text.toUpperCase());
  }
  private word(...words: string[]): string {
    if (!this.isWord(...words)) this.fail();
    return this.tokens[this.i++].text.toUpperCase();
  }
  private accept(...words: string[]): boolean {
    if (!this.isWord(...words)) return false;
    this.i++;
    return true;
  }
  private isPunct(p: string): boolean {
    return this.t.kind === 'punct' && this.t.text === p;
  }
  private punct(p: string): void {
    if (!this.isPunct(p)) this.fail();
    this.i++;
  }
  private acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.i++;
    return true;
  }
  private name(): string {
    if (this.t.kind !== 'ident' && this.t.kind !== 'quoted') this.fail();
    return this.tokens[this.i++].text;
  }
  private tableRef(): TableRef {
    const first = this.name();
    if (this.acceptPunct('.')) return { database: first, name: this.name() };
    return { name: first };
  }
  private integer(): number {
    if (this.t.kind !== 'number' || !/^\d+$/.test(this.t.text)) this.fail();
    return Number(this.tokens[this.i++].text);
  }
  private end<T extends Statement>(s: T): T {
    this.acceptPunct(';');
    if (this.t.kind !== 'end') this.fail();
    return s;
  }

  statement(): Statement {
    if (this.t.kind === 'end') return { kind: 'noop' };
    const verb = this.word('SHOW', 'CREATE', 'DROP', 'USE', 'DESCRIBE', 'DESC', 'EXPLAIN', 'INSERT', 'SELECT', 'UPDATE', 'DELETE');
    switch (verb) {
      case 'SHOW':
        if (this.accept('DATABASES', 'SCHEMAS')) return this.end({ kind: 'show-databases' });
        if (this.accept('TABLES')) return this.end({ kind: 'show-tables', database: this.accept('FROM', 'IN') ? this.name() : undefined });
        this.accept('FULL');
        this.word('COLUMNS', 'FIELDS');
        this.word('FROM', 'IN');
        return this.end({ kind: 'describe', table: this.tableRef() });
      case 'CREATE':
        if (this.accept('DATABASE', 'SCHEMA')) {
          const ifNotExists = this.ifNotExists();
          const name = this.name();
          this.tableOptions();
          return this.end({ kind: 'create-database', name, ifNotExists });
        }
        this.word('TABLE');
        return this.createTable();
      case 'DROP': {
        if (this.accept('DATABASE', 'SCHEMA')) {
          const ifExists = this.ifExists();
          return this.end({ kind: 'drop-database', name: this.name(), ifExists });
        }
        this.word('TABLE');
        const ifExists = this.ifExists();
        const tables = [this.tableRef()];
        while (this.acceptPunct(',')) tables.push(this.tableRef());
        return this.end({ kind: 'drop-table', tables, ifExists });
      }
      case 'USE':
        return this.end({ kind: 'use', name: this.name() });
      case 'DESCRIBE':
      case 'DESC':
      case 'EXPLAIN':
        return this.end({ kind: 'describe', table: this.tableRef() });
      case 'INSERT':
        return this.insert();
      case 'SELECT':
        return this.select();
      case 'UPDATE':
        return this.update();
      default:
        return this.delete();
    }
  }

  private ifNotExists(): boolean {
    if (!this.accept('IF')) return false;
    this.word('NOT');
    this.word('EXISTS');
    return true;
  }
  private ifExists(): boolean {
    if (!this.accept('IF')) return false;
    this.word('EXISTS');
    return true;
  }
  /** ENGINE=InnoDB, DEFAULT CHARSET=utf8mb4 and the like: accepted and ignored. */
  private tableOptions(): void {
    while (this.t.kind === 'ident') {
      this.accept('DEFAULT');
      if (this.accept('CHARACTER')) this.word('SET');
      else this.word('ENGINE', 'CHARSET', 'COLLATE', 'AUTO_INCREMENT', 'COMMENT');
      this.acceptPunct('=');
      this.value();
    }
  }

  /** An option's value: a word, a string or a number. */
  private value(): void {
    if (this.t.kind === 'end' || this.t.kind === 'punct') this.fail();
    this.i++;
  }

  private createTable(): Statement {
    const ifNotExists = this.ifNotExists();
    const table = this.tableRef();
    this.punct('(');
    const columns: ColumnDef[] = [];
    do {
      if (this.accept('PRIMARY')) {
        this.word('KEY');
        for (const c of this.nameList()) {
          const col = columns.find((x) => x.name.toLowerCase() === c.toLowerCase());
          if (col) Object.assign(col, { primaryKey: true, notNull: true });
        }
      } else if (this.accept('UNIQUE', 'KEY', 'INDEX')) {
        this.accept('KEY', 'INDEX');
        if (!this.isPunct('(')) this.name();
        this.nameList();
      } else columns.push(this.columnDef());
    } while (this.acceptPunct(','));
    this.punct(')');
    this.tableOptions();
    return this.end({ kind: 'create-table', table, ifNotExists, columns });
  }

  private nameList(): string[] {
    this.punct('(');
    const names = [this.name()];
    while (this.acceptPunct(',')) names.push(this.name());
    this.punct(')');
    return names;
  }

  private columnDef(): ColumnDef {
    const name = this.name();
    const typeWord = this.t.kind === 'ident' ? this.t.text.toUpperCase() : '';
    const type = TYPES[typeWord];
    if (!type) this.fail();
    this.i++;
    const col: ColumnDef = { name, type, notNull: false, autoIncrement: false, primaryKey: false, unique: false };
    if (this.acceptPunct('(')) {
      const parts = [String(this.integer())];
      if (this.acceptPunct(',')) parts.push(String(this.integer()));
      this.punct(')');
      col.length = parts.join(',');
    } else if (type === 'varchar') this.fail();
    this.accept('UNSIGNED');
    for (;;) {
      if (this.accept('NOT')) {
        this.word('NULL');
        col.notNull = true;
      } else if (this.accept('NULL')) col.notNull = false;
      else if (this.accept('AUTO_INCREMENT')) col.autoIncrement = true;
      else if (this.accept('PRIMARY')) {
        this.word('KEY');
        col.primaryKey = col.notNull = true;
      } else if (this.accept('UNIQUE')) {
        this.accept('KEY');
        col.unique = true;
      } else if (this.accept('DEFAULT')) {
        if (this.accept('CURRENT_TIMESTAMP', 'NOW')) {
          if (this.acceptPunct('(')) this.punct(')');
          col.default = { now: true };
        } else {
          const e = this.primary();
          if (e.kind !== 'literal') this.fail();
          col.default = { value: e.value };
        }
      } else if (this.accept('COMMENT')) {
        if (this.t.kind !== 'string') this.fail();
        this.i++;
      } else break;
    }
    return col;
  }

  private insert(): Statement {
    this.accept('INTO');
    const table = this.tableRef();
    const columns = this.isPunct('(') ? this.nameList() : undefined;
    this.word('VALUES', 'VALUE');
    const rows: Expr[][] = [];
    do {
      this.punct('(');
      const row: Expr[] = [];
      if (!this.isPunct(')')) {
        do row.push(this.expr());
        while (this.acceptPunct(','));
      }
      this.punct(')');
      rows.push(row);
    } while (this.acceptPunct(','));
    return this.end({ kind: 'insert', table, columns, rows });
  }

  private select(): Statement {
    const items: SelectItem[] = [];
    do {
      const start = this.t.pos;
      if (this.acceptPunct('*')) {
        items.push({ expr: { kind: 'literal', value: null }, label: '*', star: true });
        continue;
      }
      const expr = this.expr();
      let label = this.sql.slice(start, this.t.pos).trim();
      if (this.accept('AS')) label = this.aliasName();
      else if (this.t.kind === 'ident' && !this.isWord('FROM', 'WHERE', 'ORDER', 'LIMIT')) label = this.aliasName();
      else if (this.t.kind === 'quoted' || this.t.kind === 'string') label = this.aliasName();
      items.push({ expr, label });
    } while (this.acceptPunct(','));
    const stmt: Extract<Statement, { kind: 'select' }> = { kind: 'select', items, orderBy: [] };
    if (this.accept('FROM')) {
      if (this.accept('DUAL')) stmt.from = undefined;
      else stmt.from = this.tableRef();
    }
    if (this.accept('WHERE')) stmt.where = this.expr();
    if (this.accept('ORDER')) {
      this.word('BY');
      do {
        const expr = this.expr();
        const desc = this.accept('DESC') ? true : (this.accept('ASC'), false);
        stmt.orderBy.push({ expr, desc });
      } while (this.acceptPunct(','));
    }
    if (this.accept('LIMIT')) {
      const first = this.integer();
      if (this.acceptPunct(',')) {
        stmt.offset = first;
        stmt.limit = this.integer();
      } else {
        stmt.limit = first;
        if (this.accept('OFFSET')) stmt.offset = this.integer();
      }
    }
    return this.end(stmt);
  }

  private aliasName(): string {
    if (this.t.kind === 'string') return this.tokens[this.i++].text;
    return this.name();
  }

  private update(): Statement {
    const table = this.tableRef();
    this.word('SET');
    const sets: { column: string; value: Expr }[] = [];
    do {
      const column = this.name();
      this.punct('=');
      sets.push({ column, value: this.expr() });
    } while (this.acceptPunct(','));
    const where = this.accept('WHERE') ? this.expr() : undefined;
    const limit = this.accept('LIMIT') ? this.integer() : undefined;
    return this.end({ kind: 'update', table, sets, where, limit });
  }

  private delete(): Statement {
    this.word('FROM');
    const table = this.tableRef();
    const where = this.accept('WHERE') ? this.expr() : undefined;
    const limit = this.accept('LIMIT') ? this.integer() : undefined;
    return this.end({ kind: 'delete', table, where, limit });
  }

  // Expressions, loosest first: OR, AND, NOT, comparison, additive, multiplicative, unary, primary.
  expr(): Expr {
    let left = this.and();
    while (this.accept('OR') || this.acceptPunct('||')) left = { kind: 'binary', op: 'OR', left, right: this.and() };
    return left;
  }
  private and(): Expr {
    let left = this.not();
    while (this.accept('AND')) left = { kind: 'binary', op: 'AND', left, right: this.not() };
    return left;
  }
  private not(): Expr {
    if (this.accept('NOT')) return { kind: 'unary', op: 'NOT', arg: this.not() };
    return this.comparison();
  }
  private comparison(): Expr {
    let left = this.additive();
    for (;;) {
      const op = ['=', '<=>', '!=', '<>', '<=', '>=', '<', '>'].find((p) => this.isPunct(p));
      if (op) {
        this.i++;
        left = { kind: 'binary', op: op === '<>' ? '!=' : op, left, right: this.additive() };
      } else if (this.accept('IS')) {
        const not = this.accept('NOT');
        this.word('NULL');
        left = { kind: 'isnull', arg: left, not };
      } else if (this.isWord('LIKE') || (this.isWord('NOT') && this.tokens[this.i + 1]?.text.toUpperCase() === 'LIKE')) {
        const not = this.accept('NOT');
        this.word('LIKE');
        const like: Expr = { kind: 'binary', op: 'LIKE', left, right: this.additive() };
        left = not ? { kind: 'unary', op: 'NOT', arg: like } : like;
      } else return left;
    }
  }
  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.tokens[this.i++].text;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }
  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/') || this.isPunct('%')) {
      const op = this.tokens[this.i++].text;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }
  private unary(): Expr {
    if (this.acceptPunct('-')) return { kind: 'unary', op: '-', arg: this.unary() };
    return this.primary();
  }
  private primary(): Expr {
    const t = this.t;
    if (t.kind === 'number') {
      this.i++;
      return { kind: 'literal', value: Number(t.text) };
    }
    if (t.kind === 'string') {
      this.i++;
      return { kind: 'literal', value: t.text };
    }
    if (t.kind === 'sysvar') {
      this.i++;
      return { kind: 'sysvar', name: t.text.replace(/^(global|session)\./i, '').toLowerCase() };
    }
    if (this.acceptPunct('(')) {
      const e = this.expr();
      this.punct(')');
      return e;
    }
    if (this.accept('NULL')) return { kind: 'literal', value: null };
    if (this.accept('TRUE')) return { kind: 'literal', value: 1 };
    if (this.accept('FALSE')) return { kind: 'literal', value: 0 };
    if (this.isWord('CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_USER') && !(this.tokens[this.i + 1]?.text === '(')) {
      return { kind: 'call', name: this.word('CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_USER'), args: [] };
    }
    if (t.kind === 'ident' && this.tokens[this.i + 1]?.kind === 'punct' && this.tokens[this.i + 1].text === '(') {
      this.i += 2;
      const name = t.text.toUpperCase();
      if (this.acceptPunct('*')) {
        this.punct(')');
        return { kind: 'call', name, args: [], star: true };
      }
      const args: Expr[] = [];
      if (!this.isPunct(')')) {
        do args.push(this.expr());
        while (this.acceptPunct(','));
      }
      this.punct(')');
      return { kind: 'call', name, args };
    }
    if (t.kind === 'ident' || t.kind === 'quoted') {
      if (t.kind === 'ident' && ['FROM', 'WHERE', 'ORDER', 'LIMIT', 'VALUES', 'SET', 'AND', 'OR', 'BY'].includes(t.text.toUpperCase())) this.fail();
      const first = this.name();
      if (this.acceptPunct('.')) return { kind: 'column', table: first, name: this.name() };
      return { kind: 'column', name: first };
    }
    this.fail();
  }
}
