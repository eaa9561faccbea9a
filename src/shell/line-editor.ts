import { columns } from './programs/coreutils/columns';

export type EditorAction =
  | { type: 'none' }
  | { type: 'submit'; line: string }
  | { type: 'eof' }
  | { type: 'interrupt' }
  | { type: 'complete' }
  | { type: 'clear' };

const NONE: EditorAction = { type: 'none' };

/** Splits raw terminal input into keys: escape sequences stay whole, text splits by code point. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b') {
      const csi = /^\x1b\[[0-9;]*[~A-Za-z]/.exec(data.slice(i));
      const ss3 = /^\x1bO[A-Za-z]/.exec(data.slice(i));
      const len = csi ? csi[0].length : ss3 ? ss3[0].length : Math.min(2, data.length - i);
      keys.push(data.slice(i, i + len));
      i += len;
      continue;
    }
    const cp = data.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    // \r\n from a paste is one Enter.
    if (ch === '\r' && data[i + 1] === '\n') i++;
    keys.push(ch);
    i += ch.length;
  }
  return keys;
}

/**
 * One line being edited after a prompt: readline's keys, history and rendering
 * (as ANSI through `echo`), wrapping at the terminal width.
 */
export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  /** Where the terminal cursor is now, as an offset into prompt + line. */
  private shown: number;
  private entries: string[];
  private historyIndex: number;
  private lastKeyWasTab = false;

  constructor(
    private prompt: string,
    private cols: number,
    private echo: (ansi: string) => void,
    history: string[] = [],
  ) {
    this.entries = [...history, ''];
    this.historyIndex = history.length;
    this.shown = [...prompt].length;
  }

  get line(): string {
    return this.chars.join('');
  }

  /** The text left of the cursor (what completion looks at). */
  get beforeCursor(): string {
    return this.chars.slice(0, this.cursor).join('');
  }

  resize(cols: number): void {
    this.cols = Math.max(1, cols);
  }

  feed(key: string): EditorAction {
    const wasTab = this.lastKeyWasTab;
    this.lastKeyWasTab = key === '\t';
    switch (key) {
      case '\r':
      case '\n': {
        this.moveTo(this.chars.length);
        this.echo('\r\n');
        return { type: 'submit', line: this.line };
      }
      case '\x03':
        this.moveTo(this.chars.length);
        this.echo('^C\r\n');
        return { type: 'interrupt' };
      case '\x04':
        if (this.chars.length === 0) return { type: 'eof' };
        return this.edit(() => this.chars.splice(this.cursor, 1));
      case '\t':
        this.lastKeyWasTab = true;
        this.tabAgain = wasTab;
        return { type: 'complete' };
      case '\x7f':
      case '\b':
        if (this.cursor === 0) return NONE;
        return this.edit(() => this.chars.splice(--this.cursor, 1));
      case '\x1b[3~':
        return this.edit(() => this.chars.splice(this.cursor, 1));
      case '\x1b[D':
      case '\x02':
        return this.move(this.cursor - 1);
      case '\x1b[C':
      case '\x06':
        return this.move(this.cursor + 1);
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        return this.move(0);
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        return this.move(this.chars.length);
      case '\x1bb':
      case '\x1b[1;5D':
        return this.move(this.wordStart());
      case '\x1bf':
      case '\x1b[1;5C':
        return this.move(this.wordEnd());
      case '\x15':
        return this.edit(() => {
          this.chars.splice(0, this.cursor);
          this.cursor = 0;
        });
      case '\x0b':
        return this.edit(() => this.chars.splice(this.cursor));
      case '\x17': {
        let start = this.cursor;
        while (start > 0 && this.chars[start - 1] === ' ') start--;
        while (start > 0 && this.chars[start - 1] !== ' ') start--;
        return this.edit(() => {
          this.chars.splice(start, this.cursor - start);
          this.cursor = start;
        });
      }
      case '\x0c':
        return { type: 'clear' };
      case '\x1b[A':
      case '\x10':
        return this.recall(this.historyIndex - 1);
      case '\x1b[B':
      case '\x0e':
        return this.recall(this.historyIndex + 1);
    }
    if (key.startsWith('\x1b') || key < ' ') return NONE;
    const atEnd = this.cursor === this.chars.length;
    this.chars.splice(this.cursor, 0, key);
    this.cursor++;
    if (atEnd) {
      // Fast path: typing at the end only needs the character itself.
      this.echo(key);
      this.shown++;
      if (this.offset(this.cursor) % this.cols === 0) this.echo('\r\n');
      return NONE;
    }
    this.render();
    return NONE;
  }

  /** Whether the last Tab followed another Tab (bash lists candidates on the second). */
  tabAgain = false;

  /** Applies completion candidates for the word starting at `start`. */
  complete(start: number, candidates: string[]): void {
    const word = this.chars.slice(start, this.cursor).join('');
    if (candidates.length === 0) {
      this.echo('\x07');
      return;
    }
    if (candidates.length === 1) {
      const c = candidates[0];
      this.replaceWord(start, c.endsWith('/') ? c : c + ' ');
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) {
      this.replaceWord(start, prefix);
      return;
    }
    if (!this.tabAgain) {
      this.echo('\x07');
      return;
    }
    const names = candidates.map(displayName);
    this.moveTo(this.chars.length);
    this.echo('\r\n' + columns(names, this.cols).replace(/\n/g, '\r\n'));
    this.redrawFresh();
  }

  /** After the screen was cleared (Ctrl-L) or a listing printed: draw prompt and line anew. */
  redrawFresh(): void {
    this.shown = 0;
    this.render(true);
  }

  private replaceWord(start: number, text: string): void {
    this.chars.splice(start, this.cursor - start, ...text);
    this.cursor = start + [...text].length;
    this.render();
  }

  private recall(index: number): EditorAction {
    if (index < 0 || index >= this.entries.length) return NONE;
    this.entries[this.historyIndex] = this.line;
    this.historyIndex = index;
    this.chars = [...this.entries[index]];
    this.cursor = this.chars.length;
    this.render();
    return NONE;
  }

  private edit(change: () => void): EditorAction {
    change();
    this.cursor = Math.min(this.cursor, this.chars.length);
    this.render();
    return NONE;
  }

  private move(to: number): EditorAction {
    to = Math.max(0, Math.min(this.chars.length, to));
    if (to !== this.cursor) {
      this.cursor = to;
      this.moveTo(to);
    }
    return NONE;
  }

  private wordStart(): number {
    let i = this.cursor;
    while (i > 0 && !/\w/.test(this.chars[i - 1])) i--;
    while (i > 0 && /\w/.test(this.chars[i - 1])) i--;
    return i;
  }

  private wordEnd(): number {
    let i = this.cursor;
    while (i < this.chars.length && !/\w/.test(this.chars[i])) i++;
    while (i < this.chars.length && /\w/.test(this.chars[i])) i++;
    return i;
  }

  private offset(index: number): number {
    return [...this.prompt].length + index;
  }

  /** Moves the terminal cursor from where it is to line index `index`. */
  private moveTo(index: number): void {
    this.echo(this.cursorMove(this.shown, this.offset(index)));
    this.shown = this.offset(index);
  }

  private cursorMove(from: number, to: number): string {
    const fromRow = Math.floor(from / this.cols);
    const toRow = Math.floor(to / this.cols);
    const toCol = to % this.cols;
    let s = '';
    if (toRow < fromRow) s += `\x1b[${fromRow - toRow}A`;
    if (toRow > fromRow) s += `\x1b[${toRow - fromRow}B`;
    if (from % this.cols !== toCol || s !== '') s += '\r' + (toCol > 0 ? `\x1b[${toCol}C` : '');
    return s;
  }

  /** Redraws prompt and line from the prompt's first row, then puts the cursor back. */
  private render(fresh = false): void {
    const row = Math.floor(this.shown / this.cols);
    let s = fresh ? '' : (row > 0 ? `\x1b[${row}A` : '') + '\r';
    const end = this.offset(this.chars.length);
    s += this.prompt + this.line;
    if (end > 0 && end % this.cols === 0) s += '\r\n';
    s += '\x1b[J';
    s += this.cursorMove(end, this.offset(this.cursor));
    this.shown = this.offset(this.cursor);
    this.echo(s);
  }
}

function commonPrefix(items: string[]): string {
  let prefix = items[0];
  for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** bash lists a path candidate by its last component. */
function displayName(candidate: string): string {
  const trimmed = candidate.endsWith('/') ? candidate.slice(0, -1) : candidate;
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? candidate : candidate.slice(i + 1);
}
