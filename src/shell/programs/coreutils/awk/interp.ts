import { compileRegex } from '../regex';
import { formatG, sprintf } from './format';
import type { Expr, Rule, Stmt } from './lexer';

/** A field or input-derived string: compares as a number when it looks like one (POSIX "strnum"). */
class StrNum {
  constructor(readonly s: string) {}
}
type Value = number | string | StrNum;

class Next {}
class Exit {
  constructor(readonly code: number) {}
}
class Break {}
class Continue {}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export interface AwkOutput {
  write(text: string): void;
  writeFile(path: string, text: string, append: boolean): void;
}

/** Runs parsed rules over records: BEGIN, each line, END; exit codes as awk gives them. */
export class AwkRuntime {
  private vars = new Map<string, Value>();
  private arrays = new Map<string, Map<string, Value>>();
  private fields: string[] = [''];
  private opened = new Set<string>();
  private exitCode: number | undefined;
  private regexCache = new Map<string, RegExp>();

  constructor(
    private rules: Rule[],
    private out: AwkOutput,
    vars: Record<string, string>,
  ) {
    this.vars.set('FS', ' ');
    this.vars.set('OFS', ' ');
    this.vars.set('ORS', '\n');
    this.vars.set('NR', 0);
    this.vars.set('NF', 0);
    this.vars.set('FNR', 0);
    this.vars.set('SUBSEP', '\x1c');
    for (const [k, v] of Object.entries(vars)) this.vars.set(k, new StrNum(v));
  }

  get hasMainRules(): boolean {
    return this.rules.some((r) => r.pattern !== 'BEGIN');
  }

  /** Returns false once `exit` ran (no more input should be read). */
  begin(): boolean {
    return this.runRules('BEGIN');
  }

  record(line: string): boolean {
    if (this.exitCode !== undefined) return false;
    this.vars.set('NR', this.num(this.vars.get('NR')!) + 1);
    this.vars.set('FNR', this.num(this.vars.get('FNR')!) + 1);
    this.setRecord(line);
    for (const rule of this.rules) {
      if (rule.pattern === 'BEGIN' || rule.pattern === 'END') continue;
      try {
        if (rule.pattern !== undefined && !this.truthy(this.patternValue(rule.pattern))) continue;
        if (rule.body) this.execAll(rule.body);
        else this.out.write(this.fields[0] + this.str(this.vars.get('ORS')!));
      } catch (e) {
        if (e instanceof Next) return true;
        if (e instanceof Exit) {
          this.exitCode = e.code;
          return false;
        }
        throw e;
      }
    }
    return true;
  }

  end(): number {
    if (this.exitCode === undefined || this.rules.some((r) => r.pattern === 'END')) this.runRules('END');
    return this.exitCode ?? 0;
  }

  private runRules(which: 'BEGIN' | 'END'): boolean {
    for (const rule of this.rules) {
      if (rule.pattern !== which || !rule.body) continue;
      try {
        this.execAll(rule.body);
      } catch (e) {
        if (e instanceof Exit) {
          this.exitCode = e.code;
          return false;
        }
        if (e instanceof Next) continue;
        throw e;
      }
    }
    return true;
  }

  private patternValue(p: Expr): Value {
    return p.k === 're' ? (this.regex(p.v).test(this.fields[0]) ? 1 : 0) : this.eval(p);
  }

  private setRecord(line: string): void {
    this.fields = [line, ...this.split(line, this.str(this.vars.get('FS')!))];
    this.vars.set('NF', this.fields.length - 1);
  }

  private split(text: string, fs: string): string[] {
    if (fs === ' ') return text.split(/[ \t\n]+/).filter((f) => f !== '');
    if (text === '') return [];
    if (fs.length === 1 && fs !== '\\') return text.split(fs);
    return text.split(this.regex(fs));
  }

  private rebuildRecord(): void {
    this.fields[0] = this.fields.slice(1).join(this.str(this.vars.get('OFS')!));
  }

  private execAll(stmts: Stmt[]): void {
    for (const s of stmts) this.exec(s);
  }

  private exec(s: Stmt): void {
    switch (s.k) {
      case 'expr':
        this.eval(s.expr);
        return;
      case 'print': {
        let text: string;
        if (s.printf) {
          const [fmt, ...rest] = s.args.map((a) => this.eval(a));
          text = this.sprintf(this.str(fmt ?? ''), rest);
        } else {
          const parts = s.args.length === 0 ? [this.fields[0]] : s.args.map((a) => this.outputStr(this.eval(a)));
          text = parts.join(this.str(this.vars.get('OFS')!)) + this.str(this.vars.get('ORS')!);
        }
        if (s.dest) {
          const file = this.str(this.eval(s.dest.file));
          this.out.writeFile(file, text, s.dest.append || this.opened.has(file));
          this.opened.add(file);
        } else this.out.write(text);
        return;
      }
      case 'if':
        if (this.truthy(this.eval(s.test))) this.exec(s.yes);
        else if (s.no) this.exec(s.no);
        return;
      case 'while':
        if (s.doWhile) this.loopBody(s.body);
        while (this.truthy(this.eval(s.test))) if (this.loopBody(s.body)) break;
        return;
      case 'for':
        if (s.init) this.exec(s.init);
        while (s.test === undefined || this.truthy(this.eval(s.test))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case 'forin':
        for (const key of [...this.array(s.array).keys()]) {
          this.vars.set(s.name, key);
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'block':
        this.execAll(s.body);
        return;
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.code ? this.num(this.eval(s.code)) : (this.exitCode ?? 0));
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.key(s.subs));
        else this.array(s.name).clear();
        return;
    }
  }

  /** Runs a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof Break) return true;
      if (e instanceof Continue) return false;
      throw e;
    }
    return false;
  }

  private eval(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.regex(e.v).test(this.fields[0]) ? 1 : 0;
      case 'group':
        return this.eval(e.expr);
      case 'var':
        return this.vars.get(e.name) ?? '';
      case 'field': {
        const i = Math.trunc(this.num(this.eval(e.index)));
        return new StrNum(this.fields[i] ?? '');
      }
      case 'index':
        return this.array(e.name).get(this.key(e.subs)) ?? '';
      case 'in':
        return this.array(e.name).has(this.key(e.subs)) ? 1 : 0;
      case 'assign': {
        let value = this.eval(e.value);
        if (e.op !== '=') value = this.arith(e.op.slice(0, -1), this.eval(e.target), value);
        this.assign(e.target, value);
        return value;
      }
      case 'incdec': {
        const old = this.num(this.eval(e.target));
        const next = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, next);
        return e.prefix ? next : old;
      }
      case 'unary': {
        const v = this.eval(e.arg);
        if (e.op === '!') return this.truthy(v) ? 0 : 1;
        return e.op === '-' ? -this.num(v) : this.num(v);
      }
      case 'cond':
        return this.truthy(this.eval(e.test)) ? this.eval(e.yes) : this.eval(e.no);
      case 'match': {
        const re = e.re.k === 're' ? this.regex(e.re.v) : this.regex(this.str(this.eval(e.re)));
        return re.test(this.str(this.eval(e.left))) !== e.negate ? 1 : 0;
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'bin':
        return this.binary(e.op, e.left, e.right);
    }
  }

  private binary(op: string, l: Expr, r: Expr): Value {
    if (op === '&&') return this.truthy(this.eval(l)) && this.truthy(this.eval(r)) ? 1 : 0;
    if (op === '||') return this.truthy(this.eval(l)) || this.truthy(this.eval(r)) ? 1 : 0;
    const a = this.eval(l);
    const b = this.eval(r);
    if (op === 'concat') return this.str(a) + this.str(b);
    if (['<', '<=', '==', '!=', '>=', '>'].includes(op)) {
      const numeric = this.isNumeric(a) && this.isNumeric(b);
      const x = numeric ? this.num(a) : this.str(a);
      const y = numeric ? this.num(b) : this.str(b);
      const result = op === '<' ? x < y : op === '<=' ? x <= y : op === '==' ? x === y : op === '!=' ? x !== y : op === '>=' ? x >= y : x > y;
      return result ? 1 : 0;
    }
    return this.arith(op, a, b);
  }

  private arith(op: string, a: Value, b: Value): number {
    const x = this.num(a);
    const y = this.num(b);
    switch (op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/':
        if (y === 0) throw new Error('division by zero');
        return x / y;
      case '%':
        if (y === 0) throw new Error('division by zero in %');
        return x % y;
      default: return x ** y;
    }
  }

  private assign(target: Expr, value: Value): void {
    if (value instanceof StrNum) value = value.s.length >= 0 ? value : value;
    if (target.k === 'var') {
      this.vars.set(target.name, value);
      if (target.name === 'NF') {
        const nf = Math.trunc(this.num(value));
        this.fields.length = nf + 1;
        for (let i = 1; i <= nf; i++) this.fields[i] ??= '';
        this.rebuildRecord();
      }
    } else if (target.k === 'field') {
      const i = Math.trunc(this.num(this.eval(target.index)));
      if (i === 0) this.setRecord(this.str(value));
      else {
        for (let j = this.fields.length; j < i; j++) this.fields[j] = '';
        this.fields[i] = this.str(value);
        this.vars.set('NF', this.fields.length - 1);
        this.rebuildRecord();
      }
    } else if (target.k === 'index') this.array(target.name).set(this.key(target.subs), value);
  }

  private call(name: string, args: Expr[]): Value {
    const v = (i: number) => (args[i] ? this.eval(args[i]) : '');
    switch (name) {
      case 'length':
        if (args[0]?.k === 'var' && this.arrays.has(args[0].name)) return this.array(args[0].name).size;
        return [...(args.length ? this.str(v(0)) : this.fields[0])].length;
      case 'substr': {
        const s = [...this.str(v(0))];
        const start = Math.round(this.num(v(1)));
        const len = args.length > 2 ? Math.round(this.num(v(2))) : Infinity;
        const from = Math.max(start, 1);
        const to = Math.min(start + len, s.length + 1);
        return to > from ? s.slice(from - 1, to - 1).join('') : '';
      }
      case 'index':
        return this.str(v(0)).indexOf(this.str(v(1))) + 1;
      case 'split': {
        const parts = this.split(this.str(v(0)), args.length > 2 ? this.str(v(2)) : this.str(this.vars.get('FS')!));
        const arr = this.array((args[1] as { name: string }).name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const target = args[2] ?? ({ k: 'field', index: { k: 'num', v: 0 } } as Expr);
        const reSource = args[0].k === 're' ? args[0].v : this.str(v(0));
        const re = compileRegex(reSource, { extended: true, global: name === 'gsub' });
        const repl = this.str(v(1)).replace(/\\\\/g, '\x00').replace(/\$/g, '$$$$').replace(/\\&/g, '\x01').replace(/&/g, '$&').replace(/\x01/g, '&').replace(/\x00/g, '\\');
        const before = this.str(this.eval(target));
        let count = 0;
        const after = before.replace(re, (...m) => {
          count++;
          return repl.replace(/\$&/g, m[0] as string).replace(/\$\$/g, '$');
        });
        if (count > 0) this.assign(target, after);
        return count;
      }
      case 'match': {
        const m = this.regex(args[1].k === 're' ? args[1].v : this.str(v(1))).exec(this.str(v(0)));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        return this.sprintf(this.str(v(0)), args.slice(1).map((a) => this.eval(a)));
      case 'toupper':
        return this.str(v(0)).toUpperCase();
      case 'tolower':
        return this.str(v(0)).toLowerCase();
      case 'int':
        return Math.trunc(this.num(v(0)));
      case 'sqrt':
        return Math.sqrt(this.num(v(0)));
      case 'exp':
        return Math.exp(this.num(v(0)));
      case 'log':
        return Math.log(this.num(v(0)));
      case 'sin':
        return Math.sin(this.num(v(0)));
      case 'cos':
        return Math.cos(this.num(v(0)));
      case 'atan2':
        return Math.atan2(this.num(v(0)), this.num(v(1)));
      default:
        return 0;
    }
  }

  sprintf(fmt: string, args: Value[]): string {
    return sprintf<Value | undefined>(fmt, args, (v) => this.num(v ?? ''), (v) => this.str(v ?? ''));
  }

  private array(name: string): Map<string, Value> {
    let a = this.arrays.get(name);
    if (!a) this.arrays.set(name, (a = new Map()));
    return a;
  }

  private key(subs: Expr[]): string {
    return subs.map((s) => this.str(this.eval(s))).join(this.str(this.vars.get('SUBSEP')!));
  }

  private regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (!re) this.regexCache.set(source, (re = compileRegex(source, { extended: true })));
    return re;
  }

  private isNumeric(v: Value): boolean {
    return typeof v === 'number' || (v instanceof StrNum && NUMERIC.test(v.s));
  }

  private truthy(v: Value): boolean {
    if (typeof v === 'number') return v !== 0;
    if (v instanceof StrNum) return NUMERIC.test(v.s) ? Number(v.s) !== 0 : v.s !== '';
    return v !== '';
  }

  private num(v: Value): number {
    if (typeof v === 'number') return v;
    const s = v instanceof StrNum ? v.s : v;
    const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s);
    return m ? Number(m[0]) : 0;
  }

  private str(v: Value): string {
    if (typeof v === 'string') return v;
    if (v instanceof StrNum) return v.s;
    return Number.isInteger(v) && Math.abs(v) < 1e16 ? String(v) : formatG(v, 6);
  }

  private outputStr(v: Value): string {
    return this.str(v);
  }
}
