/**
 * GNU ls's vertical column layout (also bash's completion listing): the most
 * columns that fit the width, each as wide as its longest name plus two spaces.
 */
export function columns(names: string[], width: number): string {
  if (names.length === 0) return '';
  let best: { rows: number; widths: number[] } = { rows: names.length, widths: [Math.max(...names.map((n) => n.length))] };
  for (let cols = 2; cols <= names.length; cols++) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...col.map((n) => n.length)) + (c < cols - 1 ? 2 : 0));
    }
    if (widths.reduce((a, b) => a + b, 0) >= width) continue;
    best = { rows, widths };
  }
  let out = '';
  for (let r = 0; r < best.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < best.widths.length; c++) {
      const name = names[c * best.rows + r];
      if (name === undefined) break;
      cells.push(name);
    }
    out += cells.map((n, c) => (c < cells.length - 1 ? n.padEnd(best.widths[c]) : n)).join('') + '\n';
  }
  return out;
}
