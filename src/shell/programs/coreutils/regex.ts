/** POSIX regular expressions (BRE by default, ERE with -E) translated to JavaScript. */
export interface RegexOptions {
  extended?: boolean;
  fixed?: boolean;
  ignoreCase?: boolean;
  word?: boolean;
  global?: boolean;
}

export function compileRegex(pattern: string, options: RegexOptions = {}): RegExp {
  let source = options.fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : options.extended ? translateEre(pattern) : translateBre(pattern);
  if (options.word) source = `(?<![\\w])(?:${source})(?![\\w])`;
  return new RegExp(source, (options.ignoreCase ? 'i' : '') + (options.global ? 'g' : ''));
}

/** BRE: \( \) \{ \} \| \+ \? are operators; ( ) { } | + ? are literal. */
export function translateBre(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      out += '(){}|+?'.includes(n) ? n : n === '<' || n === '>' ? '\\b' : '\\' + n;
    } else if (c === '[') {
      const end = bracketEnd(p, i);
      out += translateBracket(p.slice(i, end + 1));
      i = end;
    } else if ('(){}|+?'.includes(c)) out += '\\' + c;
    else if (c === '*' && (out === '' || out === '^')) out += '\\*';
    else out += c;
  }
  return out;
}

export function translateEre(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      out += n === '<' || n === '>' ? '\\b' : '\\' + n;
    } else if (c === '[') {
      const end = bracketEnd(p, i);
      out += translateBracket(p.slice(i, end + 1));
      i = end;
    } else if (c === '{' && !/^\{\d*(,\d*)?\}/.test(p.slice(i))) out += '\\{';
    else out += c;
  }
  return out;
}

function bracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  while (i < p.length && p[i] !== ']') {
    if (p[i] === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
    }
    i++;
  }
  return i < p.length ? i : p.length - 1;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: '\\w',
};

function translateBracket(b: string): string {
  if (!b.endsWith(']') || b.length < 2) return '\\[';
  let body = b.slice(1, -1);
  let neg = '';
  if (body.startsWith('^')) {
    neg = '^';
    body = body.slice(1);
  }
  body = body.replace(/\\/g, '\\\\').replace(/^\]/, '\\]');
  body = body.replace(/\[:(\w+):\]|\[/g, (m, name?: string) => (name ? (CLASSES[name] ?? m) : '\\['));
  return `[${neg}${body}]`;
}
