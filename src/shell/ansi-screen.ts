/**
 * A text-only model of a terminal screen, enough to read what a full-screen
 * program drew (headless sessions): printable text, CR/LF, cursor position
 * (CSI H), erase line and screen (CSI K, CSI J); colours are ignored.
 */
export class AnsiScreen {
  private cells: string[][];
  private row = 0;
  private col = 0;

  constructor(
    private cols: number,
    private rows: number,
  ) {
    this.cells = Array.from({ length: rows }, () => Array<string>(cols).fill(' '));
  }

  write(ansi: string): void {
    const re = /\x1b\[([0-9;?]*)([ -/]*[@-~])|\x1b[^[]|[\r\n\b]|[^\x1b\r\n\b]/gu;
    for (const m of ansi.matchAll(re)) {
      const token = m[0];
      if (m[2] !== undefined) this.csi(m[1], m[2]);
      else if (token === '\r') this.col = 0;
      else if (token === '\n') this.row = Math.min(this.rows - 1, this.row + 1);
      else if (token === '\b') this.col = Math.max(0, this.col - 1);
      else if (!token.startsWith('\x1b') && token >= ' ') this.put(token);
    }
  }

  /** The screen as lines, right-trimmed, without trailing empty lines; '' when blank. */
  text(): string {
    const lines = this.cells.map((r) => r.join('').replace(/\s+$/, ''));
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.length === 0 ? '' : lines.join('\n') + '\n';
  }

  private put(ch: string): void {
    if (this.col >= this.cols) return;
    this.cells[this.row][this.col++] = ch;
  }

  private csi(params: string, final: string): void {
    const n = params.split(';').map((p) => (p === '' ? NaN : Number(p)));
    switch (final) {
      case 'H':
      case 'f':
        this.row = clamp((n[0] || 1) - 1, this.rows);
        this.col = clamp((n[1] || 1) - 1, this.cols);
        return;
      case 'K':
        for (let c = this.col; c < this.cols; c++) this.cells[this.row][c] = ' ';
        return;
      case 'J':
        if (n[0] === 2 || n[0] === 3) for (const r of this.cells) r.fill(' ');
        else for (let r = this.row; r < this.rows; r++) for (let c = r === this.row ? this.col : 0; c < this.cols; c++) this.cells[r][c] = ' ';
        return;
    }
  }
}

function clamp(v: number, size: number): number {
  return Math.max(0, Math.min(size - 1, v));
}
