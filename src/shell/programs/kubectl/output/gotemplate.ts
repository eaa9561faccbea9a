/**
 * Runs Go text/template against an object as kubectl's GoTemplatePrinter
 * does: the object goes through JSON first (so numbers are float64), missing
 * keys print `<no value>` (--allow-missing-template-keys=true), and the extra
 * functions are kubectl's `exists` and `base64decode`.
 */
import { GoInt, GoTemplateError, parseGoTemplate, type Block, type FuncName, type Node, type Operand, type Pipe } from './gotemplate-parse';

export { GoTemplateError, parseGoTemplate };

type Vars = Array<[string, unknown]>;

/** Go's fmt %v for a float64: shortest digits, exponent form from 1e+06 or below 1e-04. */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

function show(value: unknown, nested: boolean): string {
  if (value === undefined || value === null) return nested ? '<nil>' : '<no value>';
  if (value instanceof GoInt) return String(value.value);
  if (typeof value === 'number') return goFloat(value);
  if (Array.isArray(value)) return `[${value.map((v) => show(v, true)).join(' ')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `map[${Object.keys(obj).sort().map((k) => `${k}:${show(obj[k], true)}`).join(' ')}]`;
  }
  return String(value);
}

function num(value: unknown): number | undefined {
  if (value instanceof GoInt) return value.value;
  return typeof value === 'number' ? value : undefined;
}

function truth(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (value instanceof GoInt) return value.value !== 0;
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function typeName(value: unknown): string {
  if (value instanceof GoInt) return 'int';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  if (value && typeof value === 'object') return 'map[string]interface {}';
  return typeof value === 'string' ? 'string' : 'interface {}';
}

/** Go's eq/lt on basic kinds: a template int and a JSON float64 are different kinds. */
function compare(a: unknown, b: unknown, fn: string): number {
  const kind = (v: unknown) => (v instanceof GoInt ? 'int' : typeof v);
  if (a === undefined || a === null || b === undefined || b === null) {
    if (fn === 'eq' || fn === 'ne') return a === b || (a == null && b == null) ? 0 : 1;
    throw new GoTemplateError(`error calling ${fn}: invalid type for comparison`);
  }
  if (kind(a) !== kind(b)) throw new GoTemplateError(`error calling ${fn}: incompatible types for comparison`);
  const x = num(a) ?? a;
  const y = num(b) ?? b;
  if (typeof x === 'object' || typeof y === 'object') throw new GoTemplateError(`error calling ${fn}: invalid type for comparison`);
  return x === y ? 0 : (x as number) < (y as number) ? -1 : 1;
}

function sprint(args: unknown[], spaces: 'between-non-strings' | 'always'): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && (spaces === 'always' || (typeof a !== 'string' && typeof args[i - 1] !== 'string'))) out += ' ';
    out += show(a, true);
  });
  return out;
}

function sprintf(format: string, args: unknown[]): string {
  let k = 0;
  return format.replace(/%([-+# 0]*\d*(?:\.\d+)?)([%vsdqtfgx])/g, (_, flags: string, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[k++];
    let text: string;
    // fmt's %!verb(type=value) for an operand the verb does not take (JSON numbers are float64).
    const bad = () => (arg === undefined || arg === null ? `%!${verb}(<nil>)` : `%!${verb}(${typeName(arg)}=${show(arg, true)})`);
    if (verb === 'q') text = typeof arg === 'string' ? JSON.stringify(arg) : bad();
    else if (verb === 's') text = typeof arg === 'string' || (typeof arg === 'object' && arg !== null && !(arg instanceof GoInt)) ? show(arg, true) : bad();
    else if (verb === 'd') text = arg instanceof GoInt ? String(arg.value) : bad();
    else if (verb === 'f') text = typeof arg === 'number' ? arg.toFixed(Number(/\.(\d+)/.exec(flags)?.[1] ?? 6)) : bad();
    else if (verb === 'x') text = typeof arg === 'string' ? [...new TextEncoder().encode(arg)].map((b) => b.toString(16).padStart(2, '0')).join('') : (num(arg) ?? 0).toString(16);
    else text = show(arg, true);
    const width = Number(/^[-+# 0]*(\d+)/.exec(flags)?.[1] ?? 0);
    return flags.includes('-') ? text.padEnd(width) : text.padStart(width);
  });
}

function indexInto(value: unknown, keys: unknown[]): unknown {
  let cur = value;
  for (const key of keys) {
    if (Array.isArray(cur)) {
      const i = num(key);
      if (i === undefined) throw new GoTemplateError(`error calling index: cannot index slice/array with type ${typeName(key)}`);
      if (i < 0 || i >= cur.length) throw new GoTemplateError(`error calling index: index out of range: ${i}`);
      cur = cur[i];
    } else if (cur && typeof cur === 'object') {
      if (typeof key !== 'string') throw new GoTemplateError(`error calling index: value has type ${typeName(key)}; should be string`);
      cur = (cur as Record<string, unknown>)[key];
    } else if (cur === undefined || cur === null) {
      throw new GoTemplateError('error calling index: index of untyped nil');
    } else throw new GoTemplateError(`error calling index: can't index item of type ${typeName(cur)}`);
  }
  return cur;
}

/** evalArgs: a lone string as it is, else fmt.Sprint of the arguments. */
const evalArgs = (args: unknown[]) => (args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args, 'between-non-strings'));

const HTML_ESCAPES: Record<string, string> = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const JS_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };

/** template.JSEscapeString: quotes and markup escaped, control and unprintable runes as \uXXXX. */
function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (JS_ESCAPES[ch]) out += JS_ESCAPES[ch];
    else if (cp < 0x20 || (cp >= 0x80 && !/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch))) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** slice: item[i:j(:k)], a string by its bytes. */
function sliceOf([item, ...indexes]: unknown[]): unknown {
  if (item === undefined || item === null) throw new GoTemplateError('error calling slice: slice of untyped nil');
  if (indexes.length > 3) throw new GoTemplateError(`error calling slice: too many slice indexes: ${indexes.length}`);
  const bytes = typeof item === 'string' ? new TextEncoder().encode(item) : undefined;
  if (bytes && indexes.length === 3) throw new GoTemplateError('error calling slice: cannot 3-index slice a string');
  if (!bytes && !Array.isArray(item)) throw new GoTemplateError(`error calling slice: can't slice item of type ${typeName(item)}`);
  const len = bytes ? bytes.length : (item as unknown[]).length;
  const idx = [0, len, len];
  indexes.forEach((index, i) => {
    if (index === undefined || index === null) throw new GoTemplateError('error calling slice: cannot index slice/array with nil');
    if (!(index instanceof GoInt)) throw new GoTemplateError(`error calling slice: cannot index slice/array with type ${typeName(index)}`);
    if (index.value < 0 || index.value > len) throw new GoTemplateError(`error calling slice: index out of range: ${index.value}`);
    idx[i] = index.value;
  });
  if (idx[0] > idx[1]) throw new GoTemplateError(`error calling slice: invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new GoTemplateError(`error calling slice: invalid slice index: ${idx[1]} > ${idx[2]}`);
  return bytes ? new TextDecoder().decode(bytes.slice(idx[0], idx[1])) : (item as unknown[]).slice(idx[0], idx[1]);
}

/** Go's Node.String() of an argument, as `call` names a non-function. */
function operandText(op: Operand): string {
  if (op.t === 'func') return op.name;
  if (op.t === 'literal') return typeof op.value === 'string' ? JSON.stringify(op.value) : show(op.value, true);
  const path = op.names.map((n) => `.${n}`).join('');
  if (op.base === 'dot') return path || '.';
  return op.base === 'var' ? `${op.name}${path}` : `(...)${path}`;
}

const FUNCTIONS: Record<Exclude<FuncName, 'and' | 'or' | 'call'>, (args: unknown[]) => unknown> = {
  html: (args) => evalArgs(args).replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]),
  js: (args) => jsEscape(evalArgs(args)),
  urlquery: (args) => queryEscape(evalArgs(args)),
  slice: sliceOf,
  not: ([a]) => !truth(a),
  len: ([a]) => {
    if (typeof a === 'string') return new GoInt(new TextEncoder().encode(a).length);
    if (Array.isArray(a)) return new GoInt(a.length);
    if (a && typeof a === 'object' && !(a instanceof GoInt)) return new GoInt(Object.keys(a).length);
    throw new GoTemplateError(`error calling len: len of type ${typeName(a)}`);
  },
  index: ([a, ...keys]) => indexInto(a, keys),
  print: (args) => sprint(args, 'between-non-strings'),
  println: (args) => `${sprint(args, 'always')}\n`,
  printf: ([format, ...args]) => sprintf(String(format), args),
  eq: ([a, ...rest]) => rest.some((b) => compare(a, b, 'eq') === 0),
  ne: ([a, b]) => compare(a, b, 'ne') !== 0,
  lt: ([a, b]) => compare(a, b, 'lt') < 0,
  le: ([a, b]) => compare(a, b, 'le') <= 0,
  gt: ([a, b]) => compare(a, b, 'gt') > 0,
  ge: ([a, b]) => compare(a, b, 'ge') >= 0,
  exists: ([a, ...keys]) => {
    try {
      return indexInto(a, keys) !== undefined;
    } catch {
      return false;
    }
  },
  base64decode: ([a]) => {
    try {
      return new TextDecoder().decode(Uint8Array.from(atob(String(a)), (c) => c.charCodeAt(0)));
    } catch {
      throw new GoTemplateError(`error calling base64decode: base64 decode failed: illegal base64 data`);
    }
  },
};

class Executor {
  constructor(private root: unknown) {}

  run(nodes: Node[], dot: unknown, vars: Vars): string {
    const scope: Vars = [...vars];
    let out = '';
    for (const node of nodes) {
      if (node.t === 'text') out += node.text;
      else if (node.t === 'action') {
        const value = this.pipe(node.pipe, dot, scope);
        if (node.pipe.decl.length === 0) out += show(value, false);
      } else if (node.t === 'if' || node.t === 'with') {
        const inner: Vars = [...scope];
        const value = this.pipe(node.pipe, dot, inner);
        if (truth(value)) out += this.run(node.list, node.t === 'with' ? value : dot, inner);
        else out += this.run(node.elseList, dot, inner);
      } else out += this.range(node, dot, scope);
    }
    return out;
  }

  private range(node: Block, dot: unknown, scope: Vars): string {
    const value = this.pipe({ ...node.pipe, decl: [] }, dot, scope);
    let entries: Array<[unknown, unknown]>;
    if (Array.isArray(value)) entries = value.map((v, i) => [new GoInt(i), v]);
    else if (value instanceof GoInt) entries = Array.from({ length: Math.max(0, value.value) }, (_, i) => [new GoInt(i), new GoInt(i)]);
    else if (value && typeof value === 'object') entries = Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]);
    else if (value === undefined || value === null) entries = [];
    else throw new GoTemplateError(`range can't iterate over ${show(value, false)}`);
    if (entries.length === 0) return this.run(node.elseList, dot, scope);
    const decl = node.pipe.decl;
    return entries
      .map(([key, elem]) => {
        const vars: Vars = [...scope];
        if (decl.length === 1) vars.push([decl[0], elem]);
        if (decl.length === 2) vars.push([decl[0], key], [decl[1], elem]);
        return this.run(node.list, elem, vars);
      })
      .join('');
  }

  private pipe(pipe: Pipe, dot: unknown, scope: Vars): unknown {
    let value: unknown;
    let first = true;
    for (const cmd of pipe.cmds) {
      value = this.command(cmd, dot, scope, first ? undefined : { value });
      first = false;
    }
    for (const name of pipe.decl) {
      if (pipe.assign) {
        const slot = [...scope].reverse().find(([n]) => n === name);
        if (!slot) throw new GoTemplateError(`undefined variable: ${name}`);
        slot[1] = value;
      } else scope.push([name, value]);
    }
    return value;
  }

  private command(cmd: Operand[], dot: unknown, scope: Vars, piped?: { value: unknown }): unknown {
    const [head, ...rest] = cmd;
    if (head.t === 'func') {
      const args = rest.map((op) => this.operand(op, dot, scope));
      if (piped) args.push(piped.value);
      if (head.name === 'and' || head.name === 'or') {
        if (args.length === 0) throw new GoTemplateError(`wrong number of args for ${head.name}: want at least 1 got 0`);
        const stop = args.find((a) => truth(a) === (head.name === 'or'));
        return stop !== undefined ? stop : args[args.length - 1];
      }
      if (head.name === 'call') {
        // JSON data holds no functions, so call can only fail.
        if (args[0] === undefined || args[0] === null) throw new GoTemplateError('error calling call: call of nil');
        throw new GoTemplateError(`error calling call: non-function ${rest[0] ? operandText(rest[0]) : '<nil>'} of type ${typeName(args[0])}`);
      }
      return FUNCTIONS[head.name as keyof typeof FUNCTIONS](args);
    }
    if (rest.length || piped) throw new GoTemplateError(`can't give argument to non-function ${show(this.operand(head, dot, scope), false)}`);
    return this.operand(head, dot, scope);
  }

  private operand(op: Operand, dot: unknown, scope: Vars): unknown {
    if (op.t === 'literal') return op.value;
    if (op.t === 'func') return this.command([op], dot, scope);
    let base: unknown;
    if (op.base === 'dot') base = dot;
    else if (op.base === 'pipe') base = this.pipe(op.pipe!, dot, [...scope]);
    else if (op.name === '$') base = this.root;
    else {
      const slot = [...scope].reverse().find(([n]) => n === op.name);
      if (!slot) throw new GoTemplateError(`undefined variable "${op.name}"`);
      base = slot[1];
    }
    for (const name of op.names) {
      if (base === undefined || base === null) return undefined;
      if (typeof base !== 'object' || Array.isArray(base) || base instanceof GoInt) throw new GoTemplateError(`can't evaluate field ${name} in type ${typeName(base)}`);
      base = (base as Record<string, unknown>)[name];
    }
    return base;
  }
}

/** Executes a template against an object (already plain JSON data). */
export function executeGoTemplate(template: string, data: unknown): string {
  const nodes = parseGoTemplate(template);
  const json = JSON.parse(JSON.stringify(data)) as unknown;
  return new Executor(json).run(nodes, json, [['$', json]]);
}
