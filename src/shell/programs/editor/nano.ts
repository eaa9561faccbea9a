/**
 * A nano (GNU nano 7.2) for the workstation: its screen (title bar, status
 * line, two shortcut lines), editing keys, ^O write, ^X exit, ^K/^U cut and
 * paste, ^W search. Enough for `kubectl edit` and tutorials.
 */
import type { Key, Program, ProgramIO, RawTty } from '../../program';
import { resolvePath } from '../../path';
import { TextBuffer } from './buffer';
import { at, CLEAR_LINE, INVERSE, NORMAL, openFile, runFullScreen, scrollTop, visible } from './screen';

type Prompt = { kind: 'write'; input: string; thenExit: boolean } | { kind: 'search'; input: string } | { kind: 'save' };

const EDIT_HELP: [string, string][][] = [
  [['^G', 'Help'], ['^O', 'Write Out'], ['^W', 'Where Is'], ['^K', 'Cut'], ['^T', 'Execute'], ['^C', 'Location']],
  [['^X', 'Exit'], ['^R', 'Read File'], ['^\\', 'Replace'], ['^U', 'Paste'], ['^J', 'Justify'], ['^/', 'Go To Line']],
];
const PROMPT_HELP: [string, string][][] = [[['^G', 'Help']], [['^C', 'Cancel']]];
const SAVE_HELP: [string, string][][] = [[[' Y', 'Yes']], [[' N', 'No'], ['^C', 'Cancel']]];

function helpLine(items: [string, string][], cols: number): string {
  const width = Math.max(1, Math.floor(cols / 6));
  return items.map(([k, label]) => `${INVERSE}${k}${NORMAL} ${label}`.padEnd(width + INVERSE.length + NORMAL.length)).join('');
}

class Nano {
  buffer: TextBuffer;
  top = 0;
  message: string;
  prompt: Prompt | undefined;
  cut: string[] = [];
  lastWasCut = false;
  lastSearch = '';

  constructor(
    private io: ProgramIO,
    public path: string,
    text: string,
    exists: boolean,
  ) {
    this.buffer = new TextBuffer(text);
    const n = this.buffer.lineCount();
    this.message = path === '' ? '' : exists ? `[ Read ${n} line${n === 1 ? '' : 's'} ]` : '[ New File ]';
  }

  draw(raw: RawTty): void {
    const { columns: cols, rows } = raw.size();
    const height = Math.max(1, rows - 4);
    const b = this.buffer;
    this.top = scrollTop(this.top, b.row, height);
    const name = this.path === '' ? 'New Buffer' : this.path;
    const title = '  GNU nano 7.2'.padEnd(Math.floor((cols - name.length) / 2)) + name;
    const right = b.modified ? 'Modified  ' : '';
    let s = at(1) + INVERSE + (title.padEnd(cols - right.length) + right).slice(0, cols) + NORMAL;
    let cursorCol = 0;
    for (let i = 0; i < height; i++) {
      const row = this.top + i;
      const line = b.lines[row];
      const shown = line === undefined ? { text: '', offset: 0 } : visible(line, cols, row === b.row ? b.col : undefined);
      if (row === b.row) cursorCol = b.col - shown.offset;
      s += at(i + 2) + shown.text + CLEAR_LINE;
    }
    s += at(rows - 2) + CLEAR_LINE;
    const p = this.prompt;
    let help = EDIT_HELP;
    if (p) {
      const label = p.kind === 'write' ? `File Name to Write: ${p.input}` : p.kind === 'search' ? `Search${this.lastSearch ? ` [${this.lastSearch}]` : ''}: ${p.input}` : 'Save modified buffer? ';
      s += INVERSE + label.padEnd(cols).slice(0, cols) + NORMAL;
      help = p.kind === 'save' ? SAVE_HELP : PROMPT_HELP;
    } else if (this.message) {
      const pad = Math.max(0, Math.floor((cols - this.message.length) / 2));
      s += at(rows - 2, pad + 1) + INVERSE + this.message + NORMAL;
    }
    s += at(rows - 1) + helpLine(help[0], cols) + CLEAR_LINE + at(rows) + helpLine(help[1], cols) + CLEAR_LINE;
    if (p) s += at(rows - 2, Math.min(cols, (p.kind === 'write' ? 20 + p.input.length : p.kind === 'search' ? 8 + (this.lastSearch ? this.lastSearch.length + 3 : 0) + p.input.length : 22) + 1));
    else s += at(b.row - this.top + 2, Math.min(cols, cursorCol + 1));
    raw.write(s);
  }

  /** One key; the exit code once nano exits. */
  key(key: Key): number | undefined {
    if (this.prompt) return this.promptKey(this.prompt, key);
    const b = this.buffer;
    const wasCut = this.lastWasCut;
    this.lastWasCut = false;
    this.message = '';
    switch (key.type) {
      case 'char':
        b.insert(key.char);
        return;
      case 'enter':
        b.newline();
        return;
      case 'tab':
        b.insert('\t');
        return;
      case 'backspace':
        b.backspace();
        return;
      case 'delete':
        b.deleteChar();
        return;
      case 'left':
        b.left();
        return;
      case 'right':
        b.right();
        return;
      case 'up':
        b.moveTo(b.row - 1, b.col);
        return;
      case 'down':
        b.moveTo(b.row + 1, b.col);
        return;
      case 'home':
        b.moveTo(b.row, 0);
        return;
      case 'end':
        b.moveTo(b.row, Infinity);
        return;
      case 'pageup':
      case 'pagedown': {
        const page = Math.max(1, this.io.ctx.tty!.rows - 6);
        b.moveTo(b.row + (key.type === 'pageup' ? -page : page), b.col);
        return;
      }
      case 'escape':
        return;
      case 'ctrl':
        return this.ctrl(key.letter, wasCut);
      case 'function': {
        // nano's F-key twins of ^G ^X ^O ^W ^K ^U (browsers keep Ctrl-W for closing the tab).
        const letter = ({ 1: 'g', 2: 'x', 3: 'o', 6: 'w', 9: 'k', 10: 'u' } as Record<number, string>)[key.n];
        return letter ? this.ctrl(letter, wasCut) : undefined;
      }
    }
  }

  private ctrl(letter: string, wasCut: boolean): number | undefined {
    const b = this.buffer;
    switch (letter) {
      case 'o':
        this.prompt = { kind: 'write', input: this.path, thenExit: false };
        return;
      case 'x':
        if (!b.modified) return 0;
        this.prompt = { kind: 'save' };
        return;
      case 'k':
        if (!wasCut) this.cut = [];
        this.cut.push(b.cutLine());
        this.lastWasCut = true;
        return;
      case 'u':
        b.pasteLines(this.cut);
        return;
      case 'w':
        this.prompt = { kind: 'search', input: '' };
        return;
      case 'a':
        b.moveTo(b.row, 0);
        return;
      case 'e':
        b.moveTo(b.row, Infinity);
        return;
      case 'c': {
        const total = b.lines.length;
        this.message = `[ line ${b.row + 1}/${total} (${Math.round(((b.row + 1) / total) * 100)}%), col ${b.col + 1}/${b.line.length + 1} ]`;
        return;
      }
      case 'h':
        b.backspace();
        return;
      case 'd':
        b.deleteChar();
        return;
      case 'b':
        b.left();
        return;
      case 'f':
        b.right();
        return;
      case 'p':
        b.moveTo(b.row - 1, b.col);
        return;
      case 'n':
        b.moveTo(b.row + 1, b.col);
        return;
      default:
        this.message = `[ Unbound key: ^${letter.toUpperCase()} ]`;
    }
  }

  private promptKey(p: Prompt, key: Key): number | undefined {
    if (key.type === 'ctrl' && key.letter === 'c') {
      this.prompt = undefined;
      this.message = '[ Cancelled ]';
      return;
    }
    if (p.kind === 'save') {
      if (key.type !== 'char') return;
      const answer = key.char.toLowerCase();
      if (answer === 'n') return 0;
      if (answer === 'y') this.prompt = { kind: 'write', input: this.path, thenExit: true };
      return;
    }
    if (key.type === 'char') p.input += key.char;
    else if (key.type === 'backspace') p.input = p.input.slice(0, -1);
    else if (key.type === 'enter') {
      this.prompt = undefined;
      return p.kind === 'write' ? this.write(p.input, p.thenExit) : this.search(p.input || this.lastSearch);
    }
    return;
  }

  private write(name: string, thenExit: boolean): number | undefined {
    if (name === '') {
      this.message = '[ Cancelled ]';
      return;
    }
    const path = resolvePath(this.io.cwd, name);
    try {
      this.io.fs.writeFile(path, this.buffer.text());
    } catch (e) {
      this.message = `[ Error writing ${name}: ${e instanceof Error ? e.message : String(e)} ]`;
      return;
    }
    this.path = name;
    this.buffer.modified = false;
    const n = this.buffer.lineCount();
    this.message = `[ Wrote ${n} line${n === 1 ? '' : 's'} ]`;
    return thenExit ? 0 : undefined;
  }

  private search(term: string): undefined {
    if (term === '') {
      this.message = '[ Cancelled ]';
      return;
    }
    this.lastSearch = term;
    const found = this.buffer.find(term);
    if (!found) this.message = `[ "${term}" not found ]`;
    else {
      this.buffer.moveTo(found.row, found.col);
      if (found.wrapped) this.message = '[ Search Wrapped ]';
    }
    return;
  }
}

export const nano: Program = async (io) => {
  // The file as named on the command line: nano shows and writes that name.
  const name = io.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  const file = openFile(io, name);
  const editor = new Nano(io, name ?? '', file?.text ?? '', file?.exists ?? false);
  return runFullScreen(io, (raw) => editor.draw(raw), (key) => editor.key(key));
};
