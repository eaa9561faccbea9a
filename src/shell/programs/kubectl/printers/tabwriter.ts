/**
 * Go's text/tabwriter (as forked by liggitt/tabwriter with RememberWidths),
 * the aligner behind every kubectl table. Cells end at '\t'; the text after a
 * line's last tab is not part of a column and is written unpadded.
 */
interface Cell {
  size: number;
  width: number;
  htab: boolean;
}

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

const runeCount = (s: string): number => [...s].length;

export class TabWriter {
  private buf = '';
  private pos = 0;
  private cell: Cell = { size: 0, width: 0, htab: false };
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(
    private readonly out: (text: string) => void,
    private readonly opts: TabWriterOptions = KUBECTL_TABWRITER,
  ) {}

  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\n' && ch !== '\v' && ch !== '\f') continue;
      this.append(text.slice(n, i));
      this.updateWidth();
      n = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A one-cell line cannot affect later formatting, so Go flushes here.
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.append(text.slice(n));
  }

  flush(): void {
    if (this.cell.size > 0) this.terminateCell(false);
    let out = '';
    const emit = (s: string) => {
      out += s;
    };
    this.format(emit, 0, 0, this.lines.length);
    this.reset();
    if (out) this.out(out);
  }

  setRememberedWidths(widths: number[] | null): void {
    this.maxwidths = widths ? [...widths] : [];
  }

  private reset(): void {
    this.buf = '';
    this.pos = 0;
    this.cell = { size: 0, width: 0, htab: false };
    this.lines = [[]];
    this.widths = [];
  }

  private append(text: string): void {
    this.buf += text;
    this.cell.size += text.length;
    // Counted here rather than by slicing buf (as Go does): slicing a string
    // that keeps growing copies all of it each time, which made wide lists quadratic.
    this.cell.width += runeCount(text);
  }

  private updateWidth(): void {
    this.pos = this.buf.length;
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1];
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  private format(emit: (s: string) => void, pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      let line = this.lines[current];
      if (column >= line.length - 1) continue;
      pos = this.writeLines(emit, pos, line0, current);
      line0 = current;
      let width = this.opts.minwidth;
      for (; current < line1; current++) {
        line = this.lines[current];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      pos = this.format(emit, pos, line0, current);
      this.widths.pop();
      line0 = current;
    }
    return this.writeLines(emit, pos, line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) this.maxwidths.push(width);
    else if (this.maxwidths[col] > width) width = this.maxwidths[col];
    else if (this.maxwidths[col] < width) this.maxwidths[col] = width;
    return width;
  }

  private writeLines(emit: (s: string) => void, pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        if (c.size > 0) {
          emit(this.buf.slice(pos, pos + c.size));
          pos += c.size;
        }
        if (j < this.widths.length) emit(this.opts.padchar.repeat(Math.max(0, this.widths[j] - c.width)));
      });
      if (i + 1 === this.lines.length) {
        emit(this.buf.slice(pos, pos + this.cell.size));
        pos += this.cell.size;
      } else {
        emit('\n');
      }
    }
    return pos;
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
