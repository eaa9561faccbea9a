/** The client's line reader: gathers lines into statements ended by `;`, `\g` or `\G`, outside quotes, as mysql does. */

export type Piece = { kind: 'statement'; sql: string; vertical: boolean } | { kind: 'quit' } | { kind: 'use'; database: string } | { kind: 'clear' };

export class StatementBuffer {
  private text = '';
  private quote: string | null = null;

  /** The continuation prompt for what is buffered: `mysql> `, `    -> `, `    '> `. */
  prompt(): string {
    if (this.quote) return `    ${this.quote}> `;
    return this.text.trim() === '' ? 'mysql> ' : '    -> ';
  }

  pending(): boolean {
    return this.text.trim() !== '';
  }

  /** Feeds one line; returns what it completed, in order. */
  feed(line: string): Piece[] {
    const out: Piece[] = [];
    // Client commands are recognised at the start of a statement (quit, exit, use db).
    if (!this.pending() && !this.quote) {
      const cmd = /^\s*(quit|exit|\\q)\s*;?\s*$/i.exec(line);
      if (cmd) return [{ kind: 'quit' }];
      const use = /^\s*(?:use|\\u)\s+`?([^`;\s]+)`?\s*;?\s*$/i.exec(line);
      if (use) return [{ kind: 'use', database: use[1] }];
    }
    let current = this.text ? this.text + '\n' : '';
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (this.quote) {
        current += ch;
        if (ch === '\\' && this.quote !== '`' && i + 1 < line.length) current += line[++i];
        else if (ch === this.quote) this.quote = null;
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') {
        this.quote = ch;
        current += ch;
      } else if (ch === ';') {
        out.push(this.finish(current, false));
        current = '';
      } else if (ch === '\\' && i + 1 < line.length) {
        const c = line[++i];
        if (c === 'G' || c === 'g') {
          out.push(this.finish(current, c === 'G'));
          current = '';
        } else if (c === 'c') {
          current = '';
          out.push({ kind: 'clear' });
        } else if (c === 'q') {
          out.push({ kind: 'quit' });
          this.text = '';
          return out;
        } else current += '\\' + c;
      } else if (ch === '#' || (ch === '-' && line.startsWith('-- ', i) && current.trim() === '')) {
        break;
      } else current += ch;
    }
    this.text = current.trim() === '' && !this.quote ? '' : current;
    return out;
  }

  private finish(text: string, vertical: boolean): Piece {
    const sql = text.trim();
    const use = /^use\s+`?([^`\s]+)`?$/i.exec(sql);
    if (use) return { kind: 'use', database: use[1] };
    return { kind: 'statement', sql, vertical };
  }
}
