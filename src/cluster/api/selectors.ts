/**
 * Label and field selectors with apimachinery's grammar and error texts
 * (k8s.io/apimachinery/pkg/labels/selector.go, pkg/fields/selector.go).
 */
import { isPlainObject } from './object-utils';

export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export type Labels = Record<string, string> | undefined;

/** Thrown for a selector that does not parse; message is apimachinery's. */
export class SelectorParseError extends Error {}

type Tok = 'err' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const literalTokens: Record<string, Tok> = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(',
};
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);

function lex(s: string): Array<[Tok, string]> {
  const items: Array<[Tok, string]> = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push(['eos', '']);
      return items;
    }
    if (isSpecial(s[pos])) {
      let buf = '';
      let last: [Tok, string] | undefined;
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos];
        const t = literalTokens[buf];
        if (t) {
          last = [t, buf];
          pos++;
        } else if (last) {
          break;
        } else {
          pos++;
        }
      }
      items.push(last ?? ['err', `error expected: keyword found '${buf}'`]);
    } else {
      let buf = '';
      while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buf += s[pos++];
      items.push([literalTokens[buf] ?? 'id', buf]);
    }
  }
}

const QUALIFIED_NAME_ERR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** validation.IsQualifiedName: the error strings (empty when valid). */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix, n] = parts;
    name = n;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else if (prefix.length > 253 || !dns1123Subdomain.test(prefix))
      errs.push(
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      );
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !qualifiedNamePart.test(name)) errs.push(QUALIFIED_NAME_ERR);
  return errs;
}

/** validation.IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!labelValueRe.test(value))
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  return errs;
}

const goStringSlice = (vals: string[]) => `[]string{${vals.map((v) => JSON.stringify(v)).join(', ')}}`;

function newRequirement(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
  const errs: string[] = [];
  const keyErrs = qualifiedNameErrors(key);
  if (keyErrs.length) errs.push(`key: Invalid value: ${JSON.stringify(key)}: ${keyErrs.join('; ')}`);
  if ((operator === 'in' || operator === 'notin') && values.length === 0)
    errs.push(`values: Invalid value: ${goStringSlice(values)}: for 'in', 'notin' operators, values set can't be empty`);
  values.forEach((v, i) => {
    const ve = labelValueErrors(v);
    if (ve.length) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${ve.join('; ')}`);
  });
  if (errs.length) throw new SelectorParseError(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  return { key, operator, values };
}

/** Parses a label selector string; throws SelectorParseError with apimachinery's text. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const items = lex(selector);
  let pos = 0;
  const asValue = (t: Tok): Tok => (t === 'in' || t === 'notin' ? 'id' : t);
  const look = (values: boolean): [Tok, string] => {
    const [t, l] = items[pos];
    return [values ? asValue(t) : t, l];
  };
  const consume = (values: boolean): [Tok, string] => {
    const r = look(values);
    pos++;
    return r;
  };
  const fail = (m: string): never => {
    throw new SelectorParseError(m);
  };

  const parseRequirement = (): LabelRequirement => {
    let op: LabelOperator | undefined;
    let [tok, lit] = consume(true);
    if (tok === '!') {
      op = '!';
      [tok, lit] = consume(true);
    }
    if (tok !== 'id') fail(`found '${lit}', expected: identifier`);
    const keyErrs = qualifiedNameErrors(lit);
    if (keyErrs.length) fail(`<nil>: Invalid value: ${JSON.stringify(lit)}: ${keyErrs.join('; ')}`);
    const key = lit;
    const [next] = look(true);
    if (next === 'eos' || next === ',') return newRequirement(key, op ?? 'exists', []);
    if (op === '!') return newRequirement(key, '!', []);
    const [opTok, opLit] = consume(false);
    const ops: Partial<Record<Tok, LabelOperator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
    const operator = ops[opTok] ?? fail(`found '${opLit}', expected: in, notin, =, ==, !=, gt, lt`);
    if (operator === 'in' || operator === 'notin') return newRequirement(key, operator, parseValues());
    const [vt] = look(true);
    if (vt === 'eos' || vt === ',') return newRequirement(key, operator, ['']);
    const [t, l] = consume(true);
    if (t !== 'id') fail(`found '${l}', expected: identifier`);
    return newRequirement(key, operator, [l]);
  };

  const parseValues = (): string[] => {
    const [t, l] = consume(true);
    if (t !== '(') fail(`found '${l}' expected: '('`);
    const [t2, l2] = look(true);
    if (t2 === ')') {
      pos++;
      return [''];
    }
    if (t2 !== 'id' && t2 !== ',') fail(`found '${l2}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const [it, il] = consume(true);
      if (it === 'id') {
        set.add(il);
        const [nt, nl] = look(true);
        if (nt === ',') continue;
        if (nt === ')') break;
        fail(`found '${nl}', expected: ',' or ')'`);
      } else if (it === ',') {
        if (set.size === 0) set.add('');
        const [nt] = look(true);
        if (nt === ')') {
          set.add('');
          break;
        }
        if (nt === ',') {
          pos++;
          set.add('');
        }
      } else {
        fail(`found '${il}', expected: ',', or identifier`);
      }
    }
    pos++; // the ')'
    return [...set].sort();
  };

  const reqs: LabelRequirement[] = [];
  for (;;) {
    const [tok, lit] = look(true);
    if (tok === 'eos') break;
    if (tok !== 'id' && tok !== '!') fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(parseRequirement());
    } catch (e) {
      if (e instanceof SelectorParseError) throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const [t, l] = consume(true);
    if (t === 'eos') break;
    if (t !== ',') fail(`found '${l}', expected: ',' or 'end of string'`);
    const [t2, l2] = look(true);
    if (t2 !== 'id' && t2 !== '!') fail(`found '${l2}', expected: identifier after ','`);
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function requirementMatches(r: LabelRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value!);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[-+]?\d+$/.test(value!)) return false;
      const lv = Number(value);
      const rv = Number(r.values[0]);
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
  }
}

export type LabelMatcher = (labels: Labels) => boolean;

export function matcherFromRequirements(reqs: LabelRequirement[]): LabelMatcher {
  if (reqs.length === 0) return () => true;
  return (labels) => reqs.every((r) => requirementMatches(r, labels));
}

/** Parses and compiles a label selector string ('' matches everything). */
export function labelMatcher(selector: string | undefined): LabelMatcher {
  return matcherFromRequirements(selector ? parseLabelSelector(selector) : []);
}

/** metav1.LabelSelector (matchLabels / matchExpressions) → matcher, as LabelSelectorAsSelector. */
export function labelSelectorMatcher(selector: unknown): LabelMatcher {
  if (!isPlainObject(selector)) return () => false; // nil selector selects nothing
  const reqs: LabelRequirement[] = [];
  const ml = selector.matchLabels;
  if (isPlainObject(ml)) for (const [k, v] of Object.entries(ml)) reqs.push({ key: k, operator: '=', values: [String(v)] });
  const me = selector.matchExpressions;
  if (Array.isArray(me)) {
    for (const e of me) {
      if (!isPlainObject(e)) continue;
      const values = Array.isArray(e.values) ? e.values.map(String) : [];
      const ops: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
      const op = ops[String(e.operator)];
      if (!op) return () => false;
      reqs.push({ key: String(e.key), operator: op, values });
    }
  }
  return matcherFromRequirements(reqs);
}

/** metav1.FormatLabelSelector-like text of matchLabels: 'app=nginx,tier=web'. */
export function formatLabelSet(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

// ---- field selectors ----

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** fields.ParseSelector: comma-separated `f=v`, `f==v`, `f!=v` with backslash escapes. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (selector.trim() === '') return out;
  for (const part of splitTerms(selector)) {
    if (part === '') continue;
    const m = findOperator(part);
    if (!m) throw new SelectorParseError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, rawValue] = m;
    out.push({ field, operator: op === '!=' ? '!=' : '=', value: unescape(rawValue) });
  }
  return out;
}

function splitTerms(s: string): string[] {
  const terms: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === ',') {
      terms.push(cur);
      cur = '';
    } else cur += s[i];
  }
  terms.push(cur);
  return terms;
}

function findOperator(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescape(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}
