/**
 * A minimal vi (as vim shows it): normal and insert mode, motions h j k l 0 $
 * G gg and the arrows, i a A I o O x dd r, / search and n, and the ex commands
 * :w :q :wq :x :q! (and ZZ) — what tutorials type and `kubectl edit` opens.
 */
import type { Key, Program, ProgramIO, RawTty } from '../../program';
import { resolvePath } from '../../path';
import { TextBuffer } from './buffer';
import { at, CLEAR_LINE, openFile, runFullScreen, scrollTop, visible } from './screen';

type Mode = 'normal' | 'insert' | { command: string; prefix: ':' | '/' };

class Vi {
  buffer: TextBuffer;
  top = 0;
  mode: Mode = 'normal';
  message: string;
  pending = '';
  lastSearch = '';
  register: string[] = [];

  constructor(
    private io: ProgramIO,
    private name: string,
    text: string,
    exists: boolean,
  ) {
    this.buffer = new TextBuffer(text);
    this.message = name === '' ? '' : exists ? `"${name}" ${this.buffer.lineCount()}L, ${text.length}B` : `"${name}" [New]`;
  }

  draw(raw: RawTty): void {
    const { columns: cols, rows } = raw.size();
    const height = Math.max(1, rows - 1);
    const b = this.buffer;
    this.top = scrollTop(this.top, b.row, height);
    let s = '';
    let cursorCol = 0;
    for (let i = 0; i < height; i++) {
      const row = this.top + i;
      const line = b.lines[row];
      const shown = line === undefined ? { text: '~', offset: 0 } : visible(line, cols, row === b.row ? b.col : undefined);
      if (row === b.row) cursorCol = b.col - shown.offset;
      s += at(i + 1) + shown.text + CLEAR_LINE;
    }
    const m = this.mode;
    const status = typeof m === 'object' ? m.prefix + m.command : m === 'insert' ? '-- INSERT --' : this.message;
    s += at(rows) + status.slice(0, cols) + CLEAR_LINE;
    s += typeof m === 'object' ? at(rows, Math.min(cols, status.length + 1)) : at(b.row - this.top + 1, Math.min(cols, cursorCol + 1));
    raw.write(s);
  }

  key(key: Key): number | undefined {
    const m = this.mode;
    if (typeof m === 'object') return this.commandKey(m, key);
    if (m === 'insert') return this.insertKey(key);
    return this.normalKey(key);
  }

  private clampNormal(): void {
    const b = this.buffer;
    b.moveTo(b.row, Math.min(b.col, Math.max(0, b.line.length - 1)));
  }

  private insertKey(key: Key): undefined {
    const b = this.buffer;
    switch (key.type) {
      case 'escape':
        this.mode = 'normal';
        this.message = '';
        if (b.col > 0) b.col--;
        return;
      case 'char':
        b.insert(key.char);
        return;
      case 'tab':
        b.insert('\t');
        return;
      case 'enter':
        b.newline();
        return;
      case 'backspace':
        if (b.col > 0 || b.row > 0) b.backspace();
        return;
      case 'delete':
        b.deleteChar();
        return;
      default:
        this.move(key);
    }
  }

  /** Arrow and Home/End keys, in both modes. */
  private move(key: Key): void {
    const b = this.buffer;
    if (key.type === 'left') b.moveTo(b.row, b.col - 1);
    else if (key.type === 'right') b.moveTo(b.row, b.col + 1);
    else if (key.type === 'up') b.moveTo(b.row - 1, b.col);
    else if (key.type === 'down') b.moveTo(b.row + 1, b.col);
    else if (key.type === 'home') b.moveTo(b.row, 0);
    else if (key.type === 'end') b.moveTo(b.row, Infinity);
  }

  private normalKey(key: Key): number | undefined {
    const b = this.buffer;
    if (key.type !== 'char') {
      this.pending = '';
      if (key.type === 'escape') this.message = '';
      else if (key.type === 'ctrl' && key.letter === 'c') this.message = 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim';
      else if (key.type === 'enter') b.moveTo(b.row + 1, 0);
      else this.move(key);
      this.clampNormal();
      return;
    }
    const seq = this.pending + key.char;
    this.pending = '';
    switch (seq) {
      case 'h':
        b.moveTo(b.row, b.col - 1);
        break;
      case 'l':
        b.moveTo(b.row, b.col + 1);
        break;
      case 'j':
        b.moveTo(b.row + 1, b.col);
        break;
      case 'k':
        b.moveTo(b.row - 1, b.col);
        break;
      case '0':
        b.moveTo(b.row, 0);
        break;
      case '$':
        b.moveTo(b.row, Infinity);
        break;
      case 'G':
        b.moveTo(Infinity, 0);
        break;
      case 'gg':
        b.moveTo(0, 0);
        break;
      case 'i':
        this.mode = 'insert';
        return;
      case 'I':
        b.moveTo(b.row, b.line.length - b.line.trimStart().length);
        this.mode = 'insert';
        return;
      case 'a':
        b.moveTo(b.row, b.col + 1);
        this.mode = 'insert';
        return;
      case 'A':
        b.moveTo(b.row, Infinity);
        this.mode = 'insert';
        return;
      case 'o':
      case 'O':
        b.pasteLines([''], seq === 'o');
        if (seq === 'O') b.moveTo(b.row - 1, 0);
        this.mode = 'insert';
        return;
      case 'x':
        // x never joins lines: at the end of a line (or on an empty one) there is nothing under the cursor.
        if (b.col < b.line.length) b.deleteChar();
        break;
      case 'dd':
        this.register = [b.cutLine()];
        break;
      case 'p':
      case 'P':
        b.pasteLines(this.register, seq === 'p');
        if (seq === 'P') b.moveTo(b.row - this.register.length, 0);
        break;
      case 'ZZ':
        return this.ex('x');
      case 'n':
        this.search(this.lastSearch);
        break;
      case ':':
      case '/':
        this.mode = { command: '', prefix: seq };
        return;
      default:
        if (seq === 'd' || seq === 'g' || seq === 'Z' || seq === 'r') this.pending = seq;
        else if (seq.length === 2 && seq[0] === 'r') {
          if (b.col < b.line.length) {
            b.deleteChar();
            b.insert(seq[1]);
            b.col--;
          }
        }
        return;
    }
    this.clampNormal();
    return;
  }

  private commandKey(m: { command: string; prefix: ':' | '/' }, key: Key): number | undefined {
    if (key.type === 'char') m.command += key.char;
    else if (key.type === 'backspace') {
      if (m.command === '') this.mode = 'normal';
      m.command = m.command.slice(0, -1);
    } else if (key.type === 'escape' || (key.type === 'ctrl' && key.letter === 'c')) {
      this.mode = 'normal';
      this.message = '';
    } else if (key.type === 'enter') {
      this.mode = 'normal';
      if (m.prefix === '/') {
        this.search(m.command || this.lastSearch);
        return;
      }
      return this.ex(m.command.trim());
    }
    return;
  }

  private search(term: string): void {
    if (term === '') {
      this.message = 'E35: No previous regular expression';
      return;
    }
    this.lastSearch = term;
    const found = this.buffer.find(term);
    if (!found) this.message = `E486: Pattern not found: ${term}`;
    else {
      this.buffer.moveTo(found.row, found.col);
      this.message = found.wrapped ? 'search hit BOTTOM, continuing at TOP' : `/${term}`;
    }
  }

  private ex(command: string): number | undefined {
    const b = this.buffer;
    const [, typed, bang, arg] = /^(\w*)(!?)\s*(.*)$/.exec(command) ?? ['', command, '', ''];
    // One buffer: the "all buffers" forms act on it.
    const cmd = ({ qa: 'q', qall: 'q', wqa: 'wq', xa: 'x', wq: 'wq' } as Record<string, string>)[typed] ?? typed;
    if (/^\d+$/.test(command)) {
      b.moveTo(Number(command) - 1, 0);
      return;
    }
    switch (cmd) {
      case 'w':
      case 'wq':
      case 'x':
      case 'write': {
        if (cmd === 'x' && !b.modified && arg === '') return 0;
        if (!this.write(arg)) return;
        return cmd === 'w' || cmd === 'write' ? undefined : 0;
      }
      case 'q':
      case 'quit':
        if (b.modified && !bang) {
          this.message = 'E37: No write since last change (add ! to override)';
          return;
        }
        return 0;
      case 'cq':
        return 1;
      case '':
        return;
      default:
        this.message = `E492: Not an editor command: ${command}`;
        return;
    }
  }

  private write(arg: string): boolean {
    const name = arg || this.name;
    if (name === '') {
      this.message = 'E32: No file name';
      return false;
    }
    const text = this.buffer.text();
    const path = resolvePath(this.io.cwd, name);
    const isNew = !this.io.fs.exists(path);
    try {
      this.io.fs.writeFile(path, text);
    } catch {
      this.message = `"${name}" E212: Can't open file for writing`;
      return false;
    }
    if (!arg) this.buffer.modified = false;
    this.message = `"${name}"${isNew ? ' [New]' : ''} ${this.buffer.lineCount()}L, ${text.length}B written`;
    return true;
  }
}

export const vi: Program = async (io) => {
  const name = io.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  const file = openFile(io, name);
  const editor = new Vi(io, name ?? '', file?.text ?? '', file?.exists ?? false);
  return runFullScreen(io, (raw) => editor.draw(raw), (key) => editor.key(key));
};
