import { AwkSyntaxError, BUILTINS, KEYWORDS, tokenize, type Expr, type Rule, type Stmt, type Tok } from './lexer';

/** Recursive descent over awk's grammar, precedence as in POSIX (ternary … grouping). */
export function parseAwk(src: string): Rule[] {
  return new Parser(tokenize(src)).program();
}

class Parser {
  private i = 0;
  private noIn = false;
  private inPrint = false;
  constructor(private toks: Tok[]) {}

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipTerms();
    while (this.peek().t !== 'eof') {
      let pattern: Rule['pattern'];
      if (this.isName('BEGIN') || this.isName('END')) pattern = (this.next() as { v: string }).v as 'BEGIN' | 'END';
      else if (!this.isOp('{')) pattern = this.expr();
      const body = this.isOp('{') ? this.block() : undefined;
      rules.push({ pattern, body });
      this.skipTerms();
    }
    return rules;
  }

  private block(): Stmt[] {
    this.expectOp('{');
    const body: Stmt[] = [];
    this.skipTerms();
    while (!this.isOp('}')) {
      if (this.peek().t === 'eof') throw new AwkSyntaxError('unexpected newline or end of string');
      body.push(this.statement());
      this.skipTerms();
    }
    this.next();
    return body;
  }

  private simpleOrBlock(): Stmt {
    this.skipNl();
    if (this.isOp('{')) return { k: 'block', body: this.block() };
    return this.statement();
  }

  private statement(): Stmt {
    const t = this.peek();
    if (t.t === 'op' && t.v === '{') return { k: 'block', body: this.block() };
    if (t.t === 'op' && t.v === ';') {
      this.next();
      return { k: 'block', body: [] };
    }
    if (t.t === 'name') {
      switch (t.v) {
        case 'if': {
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          const yes = this.simpleOrBlock();
          const save = this.i;
          this.skipTerms();
          if (this.isName('else')) {
            this.next();
            return { k: 'if', test, yes, no: this.simpleOrBlock() };
          }
          this.i = save;
          return { k: 'if', test, yes };
        }
        case 'while': {
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          return { k: 'while', test, body: this.simpleOrBlock(), doWhile: false };
        }
        case 'do': {
          this.next();
          const body = this.simpleOrBlock();
          this.skipTerms();
          if (!this.isName('while')) throw new AwkSyntaxError('expected while');
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          return { k: 'while', test, body, doWhile: true };
        }
        case 'for':
          return this.forStatement();
        case 'next':
        case 'break':
        case 'continue':
          this.next();
          return { k: t.v } as Stmt;
        case 'exit': {
          this.next();
          const code = this.atEnd() ? undefined : this.expr();
          return { k: 'exit', code };
        }
        case 'delete': {
          this.next();
          const name = this.name();
          if (this.isOp('[')) {
            this.next();
            const subs = this.exprList(']');
            return { k: 'delete', name, subs };
          }
          return { k: 'delete', name };
        }
        case 'print':
        case 'printf':
          return this.print(t.v === 'printf');
      }
    }
    return { k: 'expr', expr: this.expr() };
  }

  private forStatement(): Stmt {
    this.next();
    this.expectOp('(');
    const t0 = this.toks[this.i];
    const t1 = this.toks[this.i + 1];
    const t2 = this.toks[this.i + 2];
    const t3 = this.toks[this.i + 3];
    if (t0.t === 'name' && t1.t === 'name' && t1.v === 'in' && t2.t === 'name' && t3.t === 'op' && t3.v === ')') {
      this.i += 4;
      return { k: 'forin', name: t0.v, array: t2.v, body: this.simpleOrBlock() };
    }
    const init = this.isOp(';') ? undefined : this.statement();
    this.expectOp(';');
    this.skipNl();
    const test = this.isOp(';') ? undefined : this.expr();
    this.expectOp(';');
    this.skipNl();
    const step = this.isOp(')') ? undefined : this.statement();
    this.expectOp(')');
    return { k: 'for', init, test, step, body: this.simpleOrBlock() };
  }

  private print(printf: boolean): Stmt {
    this.next();
    this.inPrint = true;
    let args: Expr[] = [];
    if (!this.atEnd() && !this.isOp('>') && !this.isOp('>>') && !this.isOp('|')) {
      if (this.isOp('(')) {
        // print (a, b) > file
        const save = this.i;
        this.next();
        const list = this.exprList(')');
        if (this.atEnd() || this.isOp('>') || this.isOp('>>')) args = list;
        else {
          this.i = save;
          args = this.exprList();
        }
      } else args = this.exprList();
    }
    this.inPrint = false;
    let dest: { append: boolean; file: Expr } | undefined;
    if (this.isOp('>') || this.isOp('>>')) {
      const append = (this.next() as { v: string }).v === '>>';
      dest = { append, file: this.concat() };
    }
    return { k: 'print', args, printf, dest };
  }

  private exprList(close?: string): Expr[] {
    const list: Expr[] = [];
    if (close && this.isOp(close)) {
      this.next();
      return list;
    }
    for (;;) {
      list.push(this.expr());
      if (this.isOp(',')) {
        this.next();
        this.skipNl();
        continue;
      }
      if (close) this.expectOp(close);
      return list;
    }
  }

  expr(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const test = this.or();
    if (this.isOp('?')) {
      this.next();
      const yes = this.ternary();
      this.expectOp(':');
      return { k: 'cond', test, yes, no: this.ternary() };
    }
    if (this.peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes((this.peek() as { v: string }).v)) {
      if (test.k === 'var' || test.k === 'field' || test.k === 'index') {
        const op = (this.next() as { v: string }).v;
        this.skipNl();
        return { k: 'assign', op, target: test, value: this.ternary() };
      }
    }
    return test;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isOp('||')) {
      this.next();
      this.skipNl();
      left = { k: 'bin', op: '||', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.inExpr();
    while (this.isOp('&&')) {
      this.next();
      this.skipNl();
      left = { k: 'bin', op: '&&', left, right: this.inExpr() };
    }
    return left;
  }

  private inExpr(): Expr {
    let left = this.matchExpr();
    while (this.isName('in') && !this.noIn) {
      this.next();
      left = { k: 'in', subs: left.k === 'group' ? [left.expr] : [left], name: this.name() };
    }
    return left;
  }

  private matchExpr(): Expr {
    let left = this.comparison();
    while (this.isOp('~') || this.isOp('!~')) {
      const negate = (this.next() as { v: string }).v === '!~';
      left = { k: 'match', negate, left, re: this.comparison() };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.concat();
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(this.inPrint && t.v === '>')) {
      this.next();
      return { k: 'bin', op: t.v, left, right: this.concat() };
    }
    return left;
  }

  private concat(): Expr {
    let left = this.additive();
    while (this.startsOperand()) left = { k: 'bin', op: 'concat', left, right: this.additive() };
    return left;
  }

  private startsOperand(): boolean {
    const t = this.peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 're') return true;
    if (t.t === 'name') return !KEYWORDS.has(t.v) || t.v === 'getline';
    return t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) && !['-', '+'].includes(t.v);
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { v: string }).v;
      left = { k: 'bin', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.next() as { v: string }).v;
      left = { k: 'bin', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = (this.next() as { v: string }).v;
      return { k: 'unary', op, arg: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.isOp('^')) {
      this.next();
      return { k: 'bin', op: '^', left: base, right: this.unary() };
    }
    return base;
  }

  private postfix(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.next() as { v: string }).v as '++' | '--';
      return { k: 'incdec', op, prefix: true, target: this.postfix() };
    }
    const e = this.primary();
    if ((e.k === 'var' || e.k === 'field' || e.k === 'index') && (this.isOp('++') || this.isOp('--'))) {
      const op = (this.next() as { v: string }).v as '++' | '--';
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 're') return { k: 're', v: t.v };
    if (t.t === 'op' && t.v === '$') return { k: 'field', index: this.postfixNoIncdec() };
    if (t.t === 'op' && t.v === '(') {
      const saveNoIn = this.noIn;
      const savePrint = this.inPrint;
      this.noIn = false;
      this.inPrint = false;
      const list = this.exprList(')');
      this.noIn = saveNoIn;
      this.inPrint = savePrint;
      if (list.length > 1) {
        if (!this.isName('in')) throw new AwkSyntaxError('syntax error');
        this.next();
        return { k: 'in', subs: list, name: this.name() };
      }
      return { k: 'group', expr: list[0] };
    }
    if (t.t === 'name' && !KEYWORDS.has(t.v)) {
      if (BUILTINS.has(t.v)) {
        if (this.isOp('(')) {
          this.next();
          return { k: 'call', name: t.v, args: this.exprList(')') };
        }
        return { k: 'call', name: t.v, args: [] };
      }
      if (this.isOp('[')) {
        this.next();
        return { k: 'index', name: t.v, subs: this.exprList(']') };
      }
      return { k: 'var', name: t.v };
    }
    throw new AwkSyntaxError('syntax error');
  }

  private postfixNoIncdec(): Expr {
    if (this.isOp('-') || this.isOp('!')) {
      const op = (this.next() as { v: string }).v;
      return { k: 'unary', op, arg: this.primary() };
    }
    return this.primary();
  }

  private name(): string {
    const t = this.next();
    if (t.t !== 'name') throw new AwkSyntaxError('syntax error');
    return t.v;
  }

  private atEnd(): boolean {
    const t = this.peek();
    return t.t === 'nl' || t.t === 'eof' || (t.t === 'op' && (t.v === ';' || t.v === '}'));
  }

  private skipTerms(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.next();
  }

  private skipNl(): void {
    while (this.peek().t === 'nl') this.next();
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }

  private isName(v: string): boolean {
    const t = this.peek();
    return t.t === 'name' && t.v === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new AwkSyntaxError('syntax error');
    this.next();
  }

  private peek(): Tok {
    return this.toks[this.i];
  }

  private next(): Tok {
    return this.toks[this.i++];
  }
}
