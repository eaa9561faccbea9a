import type { Word, WordPart } from './ast';

/** Thrown when the input ends mid-construct: the terminal asks for more lines with `> `. */
export class IncompleteInput extends Error {
  constructor() {
    super('incomplete input');
  }
}

export type Token =
  | { type: 'word'; parts: Word; raw: string }
  | { type: 'op'; op: string }
  | { type: 'io'; fd: number }
  | { type: 'newline' }
  | { type: 'eof' };

const OPERATORS = ['&>>', '<<<', '<<-', '&&', '||', ';;', '>>', '<<', '>&', '<&', '&>', '|', '&', ';', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  done: (body: string) => void;
}

/** Bash's word and operator scanner; quoting is kept per part so expansion knows what to split and glob. */
export class Lexer {
  private pos = 0;
  private pending: PendingHeredoc[] = [];

  constructor(private src: string) {}

  /** Registers a heredoc whose body starts after the next newline. */
  expectHeredoc(delimiter: string, stripTabs: boolean, done: (body: string) => void): void {
    this.pending.push({ delimiter, stripTabs, done });
  }

  next(): Token {
    this.skipBlanksAndComments();
    if (this.pos >= this.src.length) {
      if (this.pending.length > 0) throw new IncompleteInput();
      return { type: 'eof' };
    }
    const c = this.src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.readHeredocBodies();
      return { type: 'newline' };
    }
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { type: 'op', op };
      }
    }
    const start = this.pos;
    const parts = this.readWord();
    const raw = this.src.slice(start, this.pos);
    if (/^\d+$/.test(raw) && (this.src[this.pos] === '<' || this.src[this.pos] === '>')) {
      return { type: 'io', fd: Number(raw) };
    }
    return { type: 'word', parts, raw };
  }

  private skipBlanksAndComments(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private readHeredocBodies(): void {
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) throw new IncompleteInput();
        let end = this.src.indexOf('\n', this.pos);
        if (end < 0) end = this.src.length;
        let line = this.src.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.src.length);
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) break;
        lines.push(line + '\n');
        if (end === this.src.length) throw new IncompleteInput();
      }
      doc.done(lines.join(''));
    }
  }

  private readWord(): Word {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit, quoted: false });
      lit = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (META.has(c)) break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) throw new IncompleteInput();
        this.pos += 2;
        if (n === '\n') continue;
        flush();
        parts.push({ kind: 'lit', text: n, quoted: true });
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new IncompleteInput();
        flush();
        parts.push({ kind: 'lit', text: this.src.slice(this.pos + 1, end), quoted: true });
        this.pos = end + 1;
      } else if (c === '$' && this.src[this.pos + 1] === "'") {
        flush();
        parts.push({ kind: 'lit', text: this.readAnsiC(), quoted: true });
      } else if (c === '"') {
        flush();
        this.pos++;
        const inner = this.readDoubleQuoted();
        // "" still makes a (empty) field
        parts.push(...(inner.length > 0 ? inner : [{ kind: 'lit' as const, text: '', quoted: true }]));
      } else if (c === '$' || c === '`') {
        const part = this.readDollar(false);
        if (part) {
          flush();
          parts.push(part);
        } else {
          lit += '$';
          this.pos++;
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  /** The text of a heredoc with an unquoted delimiter: like "...", but `"` is literal and EOF ends it. */
  readHeredocText(): Word {
    return this.readDoubleQuoted(true);
  }

  private readDoubleQuoted(heredoc = false): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit, quoted: true });
      lit = '';
    };
    for (;;) {
      if (this.pos >= this.src.length) {
        if (!heredoc) throw new IncompleteInput();
        flush();
        return parts;
      }
      const c = this.src[this.pos];
      if (c === '"' && !heredoc) {
        this.pos++;
        flush();
        return parts;
      }
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) throw new IncompleteInput();
        this.pos += 2;
        if (n === '\n') continue;
        lit += (heredoc ? '$`\\' : '$`"\\').includes(n) ? n : '\\' + n;
      } else if (c === '$' || c === '`') {
        const part = this.readDollar(true);
        if (part) {
          flush();
          parts.push(part);
        } else {
          lit += '$';
          this.pos++;
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
  }

  /** $name, ${name}, $?, $(...), $((...)), `...`; null when the `$` is literal. */
  private readDollar(quoted: boolean): WordPart | null {
    const s = this.src;
    if (s[this.pos] === '`') {
      const end = s.indexOf('`', this.pos + 1);
      if (end < 0) throw new IncompleteInput();
      const source = s.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { kind: 'sub', source, quoted };
    }
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      // $(( … )): arithmetic, closed by the `)` that balances the outer `(` and is followed by `)`.
      const end = findClosingParen(s, this.pos + 2);
      if (s[end - 1] === ')') {
        const source = s.slice(this.pos + 3, end - 1);
        this.pos = end + 1;
        return { kind: 'arith', source, quoted };
      }
    }
    if (n === '(') {
      const end = findClosingParen(s, this.pos + 2);
      const source = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { kind: 'sub', source, quoted };
    }
    if (n === '{') {
      const end = s.indexOf('}', this.pos + 2);
      if (end < 0) throw new IncompleteInput();
      const name = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { kind: 'var', name, quoted };
    }
    if (n !== undefined && /[?$#!0-9@*-]/.test(n)) {
      this.pos += 2;
      return { kind: 'var', name: n, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1));
    if (!m) return null;
    this.pos += 1 + m[0].length;
    return { kind: 'var', name: m[0], quoted };
  }

  private readAnsiC(): string {
    const s = this.src;
    let i = this.pos + 2;
    let out = '';
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    for (;;) {
      if (i >= s.length) throw new IncompleteInput();
      const c = s[i];
      if (c === "'") break;
      if (c === '\\' && i + 1 < s.length) {
        out += escapes[s[i + 1]] ?? '\\' + s[i + 1];
        i += 2;
      } else {
        out += c;
        i++;
      }
    }
    this.pos = i + 1;
    return out;
  }
}

/** Index of the `)` closing a `$(` whose body starts at `from`, skipping quotes and nesting. */
function findClosingParen(s: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new IncompleteInput();
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      if (i >= s.length) throw new IncompleteInput();
      i++;
    } else {
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) return i;
      i++;
    }
  }
  throw new IncompleteInput();
}

/** Splits a heredoc body into parts the way an unquoted delimiter expands it. */
export function heredocParts(body: string): Word {
  return new Lexer(body).readHeredocText();
}
