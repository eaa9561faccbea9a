/**
 * Go's text/tabwriter (as forked by liggitt/tabwriter with RememberWidths),
 * the aligner behind every kubectl table. Cells end at '\t'; the text after a
 * line's last tab is not part of a column and is written unpadded.
 */
export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  rememberWidths: boolean;
}

/** kubectl's printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, RememberWidths. */
export const KUBECTL_TABWRITER: TabWriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', rememberWidths: true };

/** describe / rollout history style writers: minwidth 0, tabwidth 8, padding 2. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', rememberWidths: false };

const TAB = 9;
const NEWLINE = 10;
const FORMFEED = 12;

/** Runes in s (what Go's tabwriter measures): UTF-16 length less one per surrogate pair, with no allocation. */
function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The width in runes of a cell given as a string without '\t', '\n', '\v' or '\f'; -1 for anything else. */
function plainCellWidth(cell: unknown): number {
  if (typeof cell !== 'string') return -1;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= TAB && c <= FORMFEED) return -1;
  }
  return runeCount(cell);
}

/*
 * Go's byte buffer plus cell sizes becomes flat arrays of cell texts and
 * widths, with the index of each line's first cell: the same output, without
 * re-slicing one growing buffer or allocating per line.
 */
export class TabWriter {
  /** The cell in progress. */
  private text = '';
  private width = 0;
  private cellTexts: string[] = [];
  private cellWidths: number[] = [];
  private lineStarts: number[] = [0];
  private widths: number[] = [];
  private maxwidths: number[] = [];
  // Built by concatenation: joining an array of ~10 parts per line measured three times slower.
  private output = '';
  private pads: string[] = [];
  private rowWidths: number[] = [];

  constructor(
    private readonly out: (text: string) => void,
    private readonly opts: TabWriterOptions = KUBECTL_TABWRITER,
  ) {}

  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch > FORMFEED || ch < TAB) continue;
      this.append(text.slice(n, i));
      n = i + 1;
      const ncells = this.terminateCell();
      if (ch === NEWLINE || ch === FORMFEED) {
        this.lineStarts.push(this.cellTexts.length);
        // A one-cell line cannot affect later formatting, so Go flushes here.
        if (ch === FORMFEED || ncells === 1) this.flush();
      }
    }
    this.append(n === 0 ? text : text.slice(n));
  }

  /**
   * Writes one row of cells: the same as write(cells.join('\t') + '\n'), without
   * joining the text and scanning it again (long tables spend their time here).
   */
  writeRow(cells: readonly string[]): void {
    const rowWidths = this.rowWidths;
    for (let j = 0; j < cells.length; j++) {
      const w = plainCellWidth(cells[j]);
      // A cell holding a tab or line break (or not a string) goes through write(), as text would.
      if (w < 0) return this.write(cells.join('\t') + '\n');
      rowWidths[j] = w;
    }
    if (cells.length === 0) return this.write('\n');
    let ncells = 0;
    for (let k = 0; k < cells.length; k++) {
      // A cell in progress from an earlier write() continues into the first one.
      this.text += cells[k];
      this.width += rowWidths[k];
      ncells = this.terminateCell();
    }
    this.lineStarts.push(this.cellTexts.length);
    if (ncells === 1) this.flush();
  }

  flush(): void {
    if (this.text.length > 0) this.terminateCell();
    this.format(0, this.lineStarts.length);
    const out = this.output;
    this.output = '';
    this.cellTexts = [];
    this.cellWidths = [];
    this.lineStarts = [0];
    this.widths = [];
    if (out) this.out(out);
  }

  setRememberedWidths(widths: number[] | null): void {
    this.maxwidths = widths ? [...widths] : [];
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.text += text;
    this.width += runeCount(text);
  }

  private terminateCell(): number {
    this.cellTexts.push(this.text);
    this.cellWidths.push(this.width);
    this.text = '';
    this.width = 0;
    return this.cellTexts.length - this.lineStarts[this.lineStarts.length - 1];
  }

  /** Cells in line i. */
  private cellCount(i: number): number {
    const end = i + 1 < this.lineStarts.length ? this.lineStarts[i + 1] : this.cellTexts.length;
    return end - this.lineStarts[i];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.cellCount(current) - 1) continue;
      this.writeLines(line0, current);
      line0 = current;
      let width = this.opts.minwidth;
      for (; current < line1; current++) {
        if (column >= this.cellCount(current) - 1) break;
        const w = this.cellWidths[this.lineStarts[current] + column] + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) this.maxwidths.push(width);
    else if (this.maxwidths[col] > width) width = this.maxwidths[col];
    else if (this.maxwidths[col] < width) this.maxwidths[col] = width;
    return width;
  }

  private pad(n: number): string {
    if (n <= 0) return '';
    return (this.pads[n] ??= this.opts.padchar.repeat(n));
  }

  private writeLines(line0: number, line1: number): void {
    const { widths, cellTexts, cellWidths } = this;
    const lines = this.lineStarts.length;
    let out = this.output;
    for (let i = line0; i < line1; i++) {
      const start = this.lineStarts[i];
      const count = this.cellCount(i);
      for (let j = 0; j < count; j++) {
        out += cellTexts[start + j];
        if (j < widths.length) out += this.pad(widths[j] - cellWidths[start + j]);
      }
      // The last buffered line has no newline yet: Go writes the cell in progress (empty after a flush).
      out += i + 1 === lines ? this.text : '\n';
    }
    this.output = out;
  }
}

/** Aligns a whole text at once with kubectl's table settings. */
export function alignTable(text: string, opts: TabWriterOptions = KUBECTL_TABWRITER): string {
  let out = '';
  const w = new TabWriter((s) => (out += s), opts);
  w.write(text);
  w.flush();
  return out;
}
