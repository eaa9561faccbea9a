/**
 * The text being edited, as lines, with a cursor and the modified flag: the
 * model nano and vi share. Pure; the screen lives in the programs.
 */
export class TextBuffer {
  lines: string[];
  row = 0;
  col = 0;
  modified = false;

  constructor(text: string) {
    // A file's final newline ends its last line; it does not start another.
    const lines = text.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    this.lines = lines;
  }

  /** The file's contents: every line newline-terminated (an empty buffer is an empty file). */
  text(): string {
    if (this.lines.length === 1 && this.lines[0] === '') return '';
    return this.lines.join('\n') + '\n';
  }

  /** Lines as a file holds them (what `[ Wrote N lines ]` counts). */
  lineCount(): number {
    return this.text() === '' ? 0 : this.lines.length;
  }

  get line(): string {
    return this.lines[this.row];
  }

  insert(text: string): void {
    this.lines[this.row] = this.line.slice(0, this.col) + text + this.line.slice(this.col);
    this.col += text.length;
    this.modified = true;
  }

  newline(): void {
    const rest = this.line.slice(this.col);
    this.lines[this.row] = this.line.slice(0, this.col);
    this.lines.splice(this.row + 1, 0, rest);
    this.row++;
    this.col = 0;
    this.modified = true;
  }

  /** Deletes left of the cursor, joining with the line above at column 0. */
  backspace(): void {
    if (this.col > 0) {
      this.col--;
      this.deleteChar();
      return;
    }
    if (this.row === 0) return;
    const current = this.line;
    this.lines.splice(this.row, 1);
    this.row--;
    this.col = this.line.length;
    this.lines[this.row] += current;
    this.modified = true;
  }

  /** Deletes under the cursor, joining the next line at the end of this one. */
  deleteChar(): void {
    if (this.col < this.line.length) {
      this.lines[this.row] = this.line.slice(0, this.col) + this.line.slice(this.col + 1);
      this.modified = true;
    } else if (this.row < this.lines.length - 1) {
      this.lines[this.row] += this.lines[this.row + 1];
      this.lines.splice(this.row + 1, 1);
      this.modified = true;
    }
  }

  /** Moves by rows and columns; vertical moves keep the column where the line allows. */
  moveTo(row: number, col: number): void {
    this.row = Math.max(0, Math.min(this.lines.length - 1, row));
    this.col = Math.max(0, Math.min(this.line.length, col));
  }

  left(): void {
    if (this.col > 0) this.col--;
    else if (this.row > 0) this.moveTo(this.row - 1, Infinity);
  }

  right(): void {
    if (this.col < this.line.length) this.col++;
    else if (this.row < this.lines.length - 1) this.moveTo(this.row + 1, 0);
  }

  /** Removes the cursor's line and returns it (nano ^K, vi dd); one empty line always remains. */
  cutLine(): string {
    const [cut] = this.lines.splice(this.row, 1);
    if (this.lines.length === 0) this.lines.push('');
    this.moveTo(this.row, 0);
    this.modified = true;
    return cut;
  }

  /** Inserts whole lines above the cursor's line (nano ^U), leaving the cursor after them. */
  pasteLines(lines: string[], below = false): void {
    if (lines.length === 0) return;
    const at = below ? this.row + 1 : this.row;
    this.lines.splice(at, 0, ...lines);
    this.moveTo(below ? at : at + lines.length, 0);
    this.modified = true;
  }

  /** Finds text after the cursor, wrapping around; reports whether the search wrapped. */
  find(term: string): { row: number; col: number; wrapped: boolean } | undefined {
    if (term === '') return undefined;
    const n = this.lines.length;
    for (let i = 0; i <= n; i++) {
      const row = (this.row + i) % n;
      const from = i === 0 ? this.col + 1 : 0;
      const limit = i === n ? this.col + 1 : Infinity;
      const col = this.lines[row].indexOf(term, from);
      if (col >= 0 && col < limit) return { row, col, wrapped: this.row + i >= n };
    }
    return undefined;
  }
}
