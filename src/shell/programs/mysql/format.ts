/** The mysql client's ways of printing a result: boxed table, vertical (\G), tab-separated (batch), and its summary lines. */
import type { MysqlReply, ResultColumn, SqlValue } from '../../../cluster/client/types';

type Rows = Extract<MysqlReply, { kind: 'rows' }>;

const cell = (v: SqlValue): string => (v === null ? 'NULL' : String(v));
const width = (s: string): number => [...s].length;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function columnWidth(c: ResultColumn, values: string[]): number {
  const w = Math.max(width(c.name), ...values.map(width));
  // A nullable column leaves room for NULL (print_table_data).
  return !c.notNull && w < 4 ? 4 : w;
}

/** print_table_data: +---+ boxes, numbers right-aligned. */
export function boxTable(r: Rows): string {
  const texts = r.rows.map((row) => row.map(cell));
  const widths = r.columns.map((c, i) => columnWidth(c, texts.map((t) => t[i])));
  const rule = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  const line = (values: string[], align: (i: number) => boolean) =>
    '|' + values.map((v, i) => ' ' + (align(i) ? v.padStart(widths[i] - width(v) + v.length) : v.padEnd(widths[i] - width(v) + v.length)) + ' ').join('|') + '|\n';
  let out = rule + line(r.columns.map((c) => c.name), () => false) + rule;
  for (const t of texts) out += line(t, (i) => r.columns[i].numeric);
  return out + rule;
}

/** print_table_data_vertically: one block per row under a starred header. */
export function verticalTable(r: Rows): string {
  const nameWidth = Math.max(0, ...r.columns.map((c) => width(c.name)));
  let out = '';
  r.rows.forEach((row, n) => {
    out += `${'*'.repeat(27)} ${n + 1}. row ${'*'.repeat(27)}\n`;
    r.columns.forEach((c, i) => (out += `${c.name.padStart(nameWidth)}: ${cell(row[i])}\n`));
  });
  return out;
}

/** print_tab_data: batch output, tab-separated, with tabs, newlines and backslashes escaped. */
export function tabTable(r: Rows, columnNames = true): string {
  const esc = (v: SqlValue) => (v === null ? 'NULL' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
  let out = columnNames ? r.columns.map((c) => c.name).join('\t') + '\n' : '';
  for (const row of r.rows) out += row.map(esc).join('\t') + '\n';
  return out;
}

/** What the interactive client prints under a result (followed by a blank line). */
export function summary(reply: MysqlReply): string {
  if (reply.kind === 'rows') return reply.rows.length === 0 ? 'Empty set (0.00 sec)\n' : `${plural(reply.rows.length, 'row')} in set (0.00 sec)\n`;
  if (reply.kind === 'ok') {
    const warnings = reply.warnings ? `, ${plural(reply.warnings, 'warning')}` : '';
    return `Query OK, ${plural(reply.affectedRows, 'row')} affected${warnings} (0.01 sec)\n${reply.info ? reply.info + '\n' : ''}`;
  }
  return '';
}

/** The error line: interactive `ERROR 1146 (42S02): …`; batch adds `at line N`. */
export function errorLine(reply: Extract<MysqlReply, { kind: 'error' }>, line?: number): string {
  return `ERROR ${reply.code} (${reply.sqlState})${line !== undefined ? ` at line ${line}` : ''}: ${reply.message}\n`;
}
