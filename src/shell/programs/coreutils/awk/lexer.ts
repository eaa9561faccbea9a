/** An awk program's tokens and tree: the subset tutorials use (fields, patterns, print/printf, if/for/while, arrays, builtins). */

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; index: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'assign'; op: string; target: Expr; value: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'bin'; op: string; left: Expr; right: Expr }
  | { k: 'unary'; op: string; arg: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'match'; negate: boolean; left: Expr; re: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'group'; expr: Expr };

export type Stmt =
  | { k: 'print'; args: Expr[]; printf: boolean; dest?: { append: boolean; file: Expr } }
  | { k: 'expr'; expr: Expr }
  | { k: 'if'; test: Expr; yes: Stmt; no?: Stmt }
  | { k: 'while'; test: Expr; body: Stmt; doWhile: boolean }
  | { k: 'for'; init?: Stmt; test?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; name: string; array: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; code?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; subs?: Expr[] };

export interface Rule {
  pattern: Expr | 'BEGIN' | 'END' | undefined;
  body: Stmt[] | undefined;
}

export type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' };

export const KEYWORDS = new Set(['BEGIN', 'END', 'print', 'printf', 'if', 'else', 'while', 'for', 'do', 'in', 'next', 'exit', 'break', 'continue', 'delete', 'getline']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'toupper', 'tolower', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

export class AwkSyntaxError extends Error {}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const operandEnded = () => {
    const last = toks[toks.length - 1];
    if (!last) return false;
    if (last.t === 'num' || last.t === 'str' || last.t === 'name') return !KEYWORDS.has(last.v as string) || last.v === 'getline';
    return last.t === 'op' && (last.v === ')' || last.v === ']' || last.v === '++' || last.v === '--' || last.v === '$');
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '\\' && src[i + 1] === '\n') i += 2;
    else if (c === '\n') {
      toks.push({ t: 'nl' });
      i++;
    } else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
    else if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.test(src.slice(i))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i))!;
      toks.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ t: 'name', v: m[0] });
      i += m[0].length;
    } else if (c === '"') {
      let v = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[++i];
          v += { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' }[n] ?? '\\' + n;
        } else v += src[i];
        i++;
      }
      if (i >= src.length) throw new AwkSyntaxError('non-terminated string');
      i++;
      toks.push({ t: 'str', v });
    } else if (c === '/' && !operandEnded()) {
      let v = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          v += '/';
          i += 2;
          continue;
        }
        if (src[i] === '\n') throw new AwkSyntaxError('non-terminated regular expression');
        v += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('non-terminated regular expression');
      i++;
      toks.push({ t: 're', v });
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkSyntaxError(`unexpected character '${c}'`);
      toks.push({ t: 'op', v: op });
      i += op.length;
    }
  }
  toks.push({ t: 'eof' });
  return toks;
}

