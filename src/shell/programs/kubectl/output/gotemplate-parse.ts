/**
 * Parses Go text/template source, as `kubectl -o go-template` / `--template`
 * gives it: text and `{{…}}` actions with trim markers, comments, pipelines,
 * variables, `if`/`range`/`with` … `else` … `end`. Errors read like Go's
 * (`template: output:1: …`).
 */

export class GoTemplateError extends Error {}

/** A number written in the template without '.', 'e' or 'p' (a Go int, not a JSON float64). */
export class GoInt {
  constructor(readonly value: number) {}
}

export type Operand =
  | { t: 'field'; base: 'dot' | 'var' | 'pipe'; name?: string; pipe?: Pipe; names: string[] }
  | { t: 'literal'; value: unknown }
  | { t: 'func'; name: string };

export interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Operand[][];
}

export interface Block {
  t: 'if' | 'range' | 'with';
  pipe: Pipe;
  list: Node[];
  elseList: Node[];
}

export type Node = { t: 'text'; text: string } | { t: 'action'; pipe: Pipe } | Block;

/** text/template's builtins and kubectl's two extras; the executor must implement each (its table is typed by this list). */
export const FUNC_NAMES = ['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'exists', 'base64decode', 'slice', 'html', 'js', 'urlquery', 'call'] as const;
export type FuncName = (typeof FUNC_NAMES)[number];
const FUNCS: ReadonlySet<string> = new Set(FUNC_NAMES);

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

/** Splits `{{…}}` actions from text, applying `{{-` and `-}}` trimming. */
function splitSource(source: string): Array<{ text: string } | { action: string; line: number }> {
  const parts: Array<{ text: string } | { action: string; line: number }> = [];
  let i = 0;
  let trimNext = false;
  while (i <= source.length) {
    const open = source.indexOf('{{', i);
    let text = source.slice(i, open < 0 ? source.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) {
      if (text) parts.push({ text });
      break;
    }
    let start = open + 2;
    if (/^-\s/.test(source.slice(start, start + 2))) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) parts.push({ text });
    const close = findClose(source, start);
    if (close < 0) throw new GoTemplateError(`template: output:${lineOf(source, open)}: unclosed action`);
    let end = close;
    trimNext = /\s-$/.test(source.slice(start, close));
    if (trimNext) end -= 1;
    parts.push({ action: source.slice(start, end).trim(), line: lineOf(source, open) });
    i = close + 2;
  }
  return parts;
}

function findClose(source: string, from: number): number {
  let quote = '';
  for (let j = from; j < source.length; j++) {
    const c = source[j];
    if (quote) {
      if (c === '\\' && quote !== '`') j++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`' || c === "'") quote = c;
    else if (source.startsWith('}}', j)) return j;
  }
  return -1;
}

type Token = { t: 'str' | 'num' | 'field' | 'var' | 'ident' | 'op'; v: string };

function tokenize(action: string, fail: (msg: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < action.length) {
    const c = action[i];
    if (/\s/.test(c)) i++;
    else if (c === '"' || c === '`' || c === "'") {
      let j = i + 1;
      while (j < action.length && action[j] !== c) j += action[j] === '\\' && c !== '`' ? 2 : 1;
      if (j >= action.length) fail(`unterminated quoted string`);
      const raw = action.slice(i, j + 1);
      tokens.push({ t: 'str', v: c === '`' ? raw.slice(1, -1) : c === "'" ? String(unquote(`"${raw.slice(1, -1)}"`).charCodeAt(0)) : unquote(raw) });
      if (c === "'") tokens[tokens.length - 1].t = 'num';
      i = j + 1;
    } else if (c === ':' && action[i + 1] === '=') {
      tokens.push({ t: 'op', v: ':=' });
      i += 2;
    } else if ('|(),='.includes(c)) {
      tokens.push({ t: 'op', v: c });
      i++;
    } else {
      const m = /^(?:\.[\w]*(?:\.[\w]+)*|\$[\w]*(?:\.[\w]+)*|[-+]?\d[\w.+-]*|[A-Za-z_]\w*)/.exec(action.slice(i));
      if (!m) fail(`unexpected "${c}" in command`);
      const v = m[0];
      tokens.push({ t: v[0] === '.' ? 'field' : v[0] === '$' ? 'var' : /^[-+\d]/.test(v) ? 'num' : 'ident', v });
      i += v.length;
    }
  }
  return tokens;
}

function unquote(s: string): string {
  try {
    return JSON.parse(s.replace(/\\([abfvx0-7])/g, (m, c: string) => ({ a: '\\u0007', b: '\\b', f: '\\f', v: '\\u000b' })[c] ?? m)) as string;
  } catch {
    return s.slice(1, -1);
  }
}

function parsePipe(tokens: Token[], fail: (msg: string) => never): Pipe {
  let pos = 0;
  const decl: string[] = [];
  let assign = false;
  // `$x :=`, `$i, $v :=` or `$x =` before the commands.
  const declEnd = tokens.findIndex((t) => t.t === 'op' && (t.v === ':=' || t.v === '='));
  if (declEnd > 0 && tokens.slice(0, declEnd).every((t, k) => (k % 2 === 0 ? t.t === 'var' && !t.v.includes('.', 1) : t.v === ','))) {
    for (let k = 0; k < declEnd; k += 2) decl.push(tokens[k].v);
    assign = tokens[declEnd].v === '=';
    pos = declEnd + 1;
  }
  const cmds: Operand[][] = [];
  let cmd: Operand[] = [];
  const operand = (): Operand => {
    const tok = tokens[pos++];
    if (tok.t === 'op' && tok.v === '(') {
      let depth = 1;
      const start = pos;
      while (pos < tokens.length && depth > 0) {
        if (tokens[pos].v === '(' && tokens[pos].t === 'op') depth++;
        if (tokens[pos].v === ')' && tokens[pos].t === 'op') depth--;
        pos++;
      }
      if (depth > 0) fail(`unclosed left paren`);
      const inner = parsePipe(tokens.slice(start, pos - 1), fail);
      const next = tokens[pos];
      const names: string[] = [];
      if (next?.t === 'field' && next.v !== '.') {
        names.push(...next.v.slice(1).split('.'));
        pos++;
      }
      return { t: 'field', base: 'pipe', pipe: inner, names };
    }
    if (tok.t === 'str') return { t: 'literal', value: tok.v };
    if (tok.t === 'num') {
      const n = Number(tok.v);
      if (Number.isNaN(n)) fail(`bad number syntax: "${tok.v}"`);
      return { t: 'literal', value: /^[-+]?\d+$/.test(tok.v) ? new GoInt(n) : n };
    }
    if (tok.t === 'field') return { t: 'field', base: 'dot', names: tok.v === '.' ? [] : tok.v.slice(1).split('.') };
    if (tok.t === 'var') {
      const [name, ...names] = tok.v.split('.');
      return { t: 'field', base: 'var', name, names };
    }
    if (tok.t === 'ident') {
      if (tok.v === 'true' || tok.v === 'false') return { t: 'literal', value: tok.v === 'true' };
      if (tok.v === 'nil') return { t: 'literal', value: null };
      if (!FUNCS.has(tok.v)) fail(`function "${tok.v}" not defined`);
      return { t: 'func', name: tok.v };
    }
    return fail(`unexpected "${tok.v}" in command`);
  };
  while (pos < tokens.length) {
    if (tokens[pos].t === 'op' && tokens[pos].v === '|') {
      if (cmd.length === 0) fail(`missing command`);
      cmds.push(cmd);
      cmd = [];
      pos++;
      continue;
    }
    cmd.push(operand());
  }
  if (cmd.length) cmds.push(cmd);
  if (cmds.length === 0) fail(`missing value for command`);
  return { decl, assign, cmds };
}

/** Parses a template into its nodes. */
export function parseGoTemplate(source: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ node: Block; inElse: boolean }> = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.node.elseList : top.node.list;
  };
  for (const part of splitSource(source)) {
    if ('text' in part) {
      target().push({ t: 'text', text: part.text });
      continue;
    }
    const fail = (msg: string): never => {
      throw new GoTemplateError(`template: output:${part.line}: ${msg}`);
    };
    const action = part.action;
    if (action.startsWith('/*')) {
      if (!action.endsWith('*/')) fail('unclosed comment');
      continue;
    }
    const keyword = /^(if|range|with|else|end)\b/.exec(action)?.[1];
    const rest = keyword ? action.slice(keyword.length).trim() : action;
    if (keyword === 'end') {
      if (rest) fail(`unexpected "${rest}" in end`);
      if (!stack.pop()) fail('unexpected {{end}}');
    } else if (keyword === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) fail('unexpected {{else}}');
      top!.inElse = true;
      const chained = /^(if|with)\b/.exec(rest)?.[1] as 'if' | 'with' | undefined;
      if (chained) {
        // `{{else if x}}` is an `if` inside the else branch, closed by the same {{end}}.
        const node: Block = { t: chained, pipe: parsePipe(tokenize(rest.slice(chained.length), fail), fail), list: [], elseList: [] };
        top!.node.elseList.push(node);
        stack.pop();
        stack.push({ node, inElse: false });
      } else if (rest) fail(`unexpected "${rest}" in else`);
    } else if (keyword) {
      if (!rest) fail(`missing value for ${keyword}`);
      const node: Block = { t: keyword as Block['t'], pipe: parsePipe(tokenize(rest, fail), fail), list: [], elseList: [] };
      target().push(node);
      stack.push({ node, inElse: false });
    } else {
      target().push({ t: 'action', pipe: parsePipe(tokenize(action, fail), fail) });
    }
  }
  if (stack.length) throw new GoTemplateError(`template: output:${lineOf(source, source.length)}: unexpected EOF`);
  return root;
}
