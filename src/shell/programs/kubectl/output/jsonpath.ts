/**
 * client-go's jsonpath template language as `kubectl -o jsonpath` uses it:
 * text with `{…}` actions: paths (`.a.b`, `..name`, `[*]`, `[0]`, `[1:3]`,
 * `['key']`, `[?(@.x=="y")]`), `range … end`, and string literals.
 * Missing keys print nothing (kubectl's --allow-missing-template-keys=true).
 */
import { toCompactJson } from './json';

type Step =
  | { t: 'field'; name: string }
  | { t: 'recursive'; name: string }
  | { t: 'wildcard' }
  | { t: 'index'; start?: number; end?: number; step?: number; single: boolean }
  | { t: 'filter'; left: Step[]; op: string; right: Step[] | { literal: unknown } | null };

type Action = { t: 'text'; text: string } | { t: 'path'; steps: Step[] } | { t: 'range'; steps: Step[]; body: Action[] } | { t: 'literal'; text: string };

export class JsonPathError extends Error {}

function splitActions(template: string): Array<{ text: string } | { expr: string }> {
  const out: Array<{ text: string } | { expr: string }> = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out.push({ text: template.slice(i) });
      break;
    }
    if (open > i) out.push({ text: template.slice(i, open) });
    let depth = 0;
    let j = open;
    let quote = '';
    for (; j < template.length; j++) {
      const c = template[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (j >= template.length) throw new JsonPathError(`unclosed action`);
    out.push({ expr: template.slice(open + 1, j).trim() });
    i = j + 1;
  }
  return out;
}

function unquote(s: string): string {
  const body = s.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

function parseSteps(expr: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (expr[0] === '$' || expr[0] === '@') i = 1;
  const readName = () => {
    let name = '';
    while (i < expr.length && !'.[]{}$@ '.includes(expr[i])) {
      if (expr[i] === '\\' && i + 1 < expr.length) {
        name += expr[i + 1];
        i += 2;
      } else name += expr[i++];
    }
    return name;
  };
  while (i < expr.length) {
    const c = expr[i];
    if (c === '.') {
      if (expr[i + 1] === '.') {
        i += 2;
        steps.push({ t: 'recursive', name: readName() });
      } else {
        i++;
        if (expr[i] === '*') {
          i++;
          steps.push({ t: 'wildcard' });
        } else {
          const name = readName();
          if (name) steps.push({ t: 'field', name });
        }
      }
    } else if (c === '[') {
      const close = findClose(expr, i);
      const inner = expr.slice(i + 1, close).trim();
      i = close + 1;
      steps.push(parseBracket(inner));
    } else if (c === ' ') {
      i++;
    } else {
      const name = readName();
      if (!name) throw new JsonPathError(`unrecognized character in action: ${JSON.stringify(c)}`);
      steps.push({ t: 'field', name });
    }
  }
  return steps;
}

function findClose(expr: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let j = open; j < expr.length; j++) {
    const c = expr[j];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  throw new JsonPathError('unclosed array expect ]');
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { t: 'wildcard' };
  if (/^'.*'$|^".*"$/.test(inner)) return { t: 'field', name: unquote(inner) };
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  const parts = inner.split(':').map((p) => p.trim());
  const toNum = (p: string | undefined) => (p === undefined || p === '' ? undefined : Number(p));
  if (parts.some((p) => p !== '' && !/^-?\d+$/.test(p))) throw new JsonPathError(`invalid array index ${inner}`);
  if (parts.length === 1) return { t: 'index', start: toNum(parts[0]), single: true };
  return { t: 'index', start: toNum(parts[0]), end: toNum(parts[1]), step: toNum(parts[2]), single: false };
}

function parseOperand(s: string): Step[] | { literal: unknown } {
  if (/^'.*'$|^".*"$/.test(s)) return { literal: unquote(s) };
  if (/^-?\d+(\.\d+)?$/.test(s)) return { literal: Number(s) };
  if (s === 'true' || s === 'false') return { literal: s === 'true' };
  return parseSteps(s);
}

function parseFilter(body: string): Step {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(body);
  if (!m) return { t: 'filter', left: parseSteps(body), op: 'exists', right: null };
  return { t: 'filter', left: parseSteps(m[1].trim()), op: m[2], right: parseOperand(m[3].trim()) };
}

function parseTemplate(template: string): Action[] {
  const root: Action[] = [];
  const stack: Action[][] = [root];
  for (const part of splitActions(template)) {
    const top = stack[stack.length - 1];
    if ('text' in part) {
      top.push({ t: 'text', text: part.text });
      continue;
    }
    const e = part.expr;
    if (/^range\s/.test(e)) {
      const action: Action = { t: 'range', steps: parseSteps(e.slice(6).trim()), body: [] };
      top.push(action);
      stack.push(action.body);
    } else if (e === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (/^".*"$|^'.*'$/s.test(e)) {
      top.push({ t: 'literal', text: unquote(e) });
    } else {
      top.push({ t: 'path', steps: parseSteps(e) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function recursiveCollect(v: unknown, name: string, out: unknown[]): void {
  if (isObj(v)) {
    if (name in v) out.push(v[name]);
    for (const k of Object.keys(v).sort()) if (k !== name || true) recursiveCollect(v[k], name, out);
  } else if (Array.isArray(v)) for (const x of v) recursiveCollect(x, name, out);
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b || (typeof a === 'number' && Number(b) === a);
    case '!=':
      return !(a === b || (typeof a === 'number' && Number(b) === a));
    case '<':
      return (a as number) < (b as number);
    case '>':
      return (a as number) > (b as number);
    case '<=':
      return (a as number) <= (b as number);
    case '>=':
      return (a as number) >= (b as number);
  }
  return false;
}

export function evalSteps(values: unknown[], steps: Step[], root: unknown): unknown[] {
  let cur = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      switch (step.t) {
        case 'field':
          if (isObj(v) && step.name in v && v[step.name] !== undefined) next.push(v[step.name]);
          break;
        case 'recursive':
          recursiveCollect(v, step.name, next);
          break;
        case 'wildcard':
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) for (const k of Object.keys(v).sort()) next.push(v[k]);
          break;
        case 'index': {
          if (!Array.isArray(v)) break;
          const len = v.length;
          const norm = (n: number) => (n < 0 ? n + len : n);
          if (step.single) {
            const idx = norm(step.start ?? 0);
            if (idx < 0 || idx >= len) throw new JsonPathError(`array index out of bounds: index ${step.start}, length ${len}`);
            next.push(v[idx]);
          } else {
            const start = Math.max(0, Math.min(len, norm(step.start ?? 0)));
            const end = Math.max(0, Math.min(len, norm(step.end ?? len)));
            const inc = step.step && step.step > 0 ? step.step : 1;
            for (let i = start; i < end; i += inc) next.push(v[i]);
          }
          break;
        }
        case 'filter': {
          const items = Array.isArray(v) ? v : [v];
          for (const item of items) {
            const left = evalSteps([item], step.left, root);
            if (step.op === 'exists') {
              if (left.length > 0) next.push(item);
              continue;
            }
            const right = step.right && 'literal' in step.right ? [step.right.literal] : evalSteps([item], step.right as Step[], root);
            if (left.length && right.length && compare(left[0], step.op, right[0])) next.push(item);
          }
          break;
        }
      }
    }
    cur = next;
  }
  return cur;
}

function textOf(v: unknown): string {
  if (typeof v === 'object' && v !== null) return toCompactJson(v);
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function run(actions: Action[], current: unknown, root: unknown): string {
  let out = '';
  for (const a of actions) {
    if (a.t === 'text' || a.t === 'literal') out += a.text;
    else if (a.t === 'path') out += evalSteps([current], a.steps, root).map(textOf).join(' ');
    else {
      const items = evalSteps([current], a.steps, root);
      for (const item of items) out += run(a.body, item, root);
    }
  }
  return out;
}

/** Renders a kubectl jsonpath template against one object (or a List). */
export function executeJsonPath(template: string, obj: unknown): string {
  return run(parseTemplate(template), obj, obj);
}

/** Validates a template up front, as kubectl does when building the printer. */
export function parseJsonPathTemplate(template: string): void {
  parseTemplate(template);
}

/** Values one path yields (for custom-columns and --sort-by). */
export function jsonPathValues(expr: string, obj: unknown): unknown[] {
  const inner = expr.trim().replace(/^\{/, '').replace(/\}$/, '');
  return evalSteps([obj], parseSteps(inner), obj);
}
