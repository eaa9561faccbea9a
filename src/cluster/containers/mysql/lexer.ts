/** Splits one SQL statement into tokens; each keeps its offset for the parser's `near '...'` text. */

export type TokenKind = 'ident' | 'quoted' | 'string' | 'number' | 'sysvar' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  /** Identifiers as written (backquotes removed), string contents unescaped, punctuation as is. */
  text: string;
  pos: number;
}

const PUNCT = ['<=>', '<=', '>=', '<>', '!=', '(', ')', ',', ';', '*', '=', '<', '>', '.', '+', '-', '/', '%'];

export function tokenize(sql: string): Token[] | { errorAt: number } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#' || (ch === '-' && sql.startsWith('-- ', i))) {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      continue;
    }
    const start = i;
    if (ch === "'" || ch === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= sql.length) return { errorAt: start };
        const c = sql[i];
        if (c === '\\' && i + 1 < sql.length) {
          const n = sql[i + 1];
          text += n === 'n' ? '\n' : n === 't' ? '\t' : n === '0' ? '\0' : n;
          i += 2;
        } else if (c === ch && sql[i + 1] === ch) {
          text += ch;
          i += 2;
        } else if (c === ch) {
          i++;
          break;
        } else {
          text += c;
          i++;
        }
      }
      tokens.push({ kind: 'string', text, pos: start });
      continue;
    }
    if (ch === '`') {
      const end = sql.indexOf('`', i + 1);
      if (end < 0) return { errorAt: start };
      tokens.push({ kind: 'quoted', text: sql.slice(i + 1, end), pos: start });
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?|^[0-9]+\.?/i.exec(sql.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (sql.startsWith('@@', i)) {
      const m = /^@@([a-z_][a-z0-9_.]*)/i.exec(sql.slice(i));
      if (!m) return { errorAt: start };
      tokens.push({ kind: 'sysvar', text: m[1], pos: start });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$\u0080-\uffff]/.test(ch)) {
      const m = /^[A-Za-z0-9_$\u0080-\uffff]+/.exec(sql.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    const p = PUNCT.find((x) => sql.startsWith(x, i));
    if (!p) return { errorAt: start };
    tokens.push({ kind: 'punct', text: p, pos: start });
    i += p.length;
  }
  tokens.push({ kind: 'end', text: '', pos: sql.length });
  return tokens;
}
