/**
 * cli-runtime's HumanReadablePrinter: turns objects into tab-separated rows
 * (decorated with NAMESPACE, -L and LABELS columns and KIND/ prefixes), with
 * the header printed once per printer. Alignment is the TabWriter's job.
 */
import type { ReadonlyKubeObject } from '../../../../cluster/client/types';
import { formatLabels } from './format';
import type { KindPrinter } from './types';

export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** -L keys. */
  columnLabels?: string[];
  /** `statefulset.apps`: prefixes names when several kinds are printed together. */
  kindPrefix?: string;
}

const EVENT_TYPES: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

export class TablePrinter {
  private printedHeaders = false;

  constructor(
    private readonly printer: KindPrinter,
    private readonly options: TableOptions = {},
  ) {}

  /** Tab-separated text for these objects; empty when there are no rows. */
  print(objects: readonly ReadonlyKubeObject[], now: number, eventType?: string): string {
    let text = '';
    for (const row of this.rows(objects, now, eventType)) text += row.join('\t') + '\n';
    return text;
  }

  /** The same table as cells, row by row (the header first, when it is due): what TabWriter.writeRow takes. */
  rows(objects: readonly ReadonlyKubeObject[], now: number, eventType?: string): string[][] {
    const o = this.options;
    const visible = this.printer.columns.map((c, i) => ({ c, i })).filter(({ c }) => o.wide || !c.wide);
    const headers: string[] = [];
    if (eventType) headers.push('EVENT');
    if (o.withNamespace) headers.push('NAMESPACE');
    headers.push(...visible.map(({ c }) => c.name));
    for (const key of o.columnLabels ?? []) headers.push(key.split('/').pop()!.toUpperCase());
    if (o.showLabels) headers.push('LABELS');

    const rows: string[][] = [];
    const noHeaders = o.noHeaders || this.printedHeaders;
    if (!noHeaders && objects.length > 0) rows.push(headers);
    if (objects.length > 0) this.printedHeaders = true;

    const nameIndex = visible.findIndex(({ c }) => c.name === 'NAME');
    const columns = visible.map(({ i }) => i);
    const columnLabels = o.columnLabels ?? [];
    const eventCell = eventType ? (EVENT_TYPES[eventType] ?? eventType) : undefined;
    for (const obj of objects) {
      const all = this.printer.cells(obj, now);
      const cells: string[] = [];
      if (eventCell !== undefined) cells.push(eventCell);
      if (o.withNamespace) cells.push(obj.metadata.namespace ?? '');
      for (let n = 0; n < columns.length; n++) {
        const cell = all[columns[n]] ?? '';
        cells.push(n === nameIndex && o.kindPrefix ? `${o.kindPrefix}/${cell}` : sanitizeCell(cell));
      }
      const labels = obj.metadata.labels ?? {};
      for (const key of columnLabels) cells.push(labels[key] ?? '');
      if (o.showLabels) cells.push(formatLabels(labels));
      rows.push(cells);
    }
    return rows;
  }
}

/** A cell never breaks the table: text after a line break is cut and marked with "...". */
function sanitizeCell(cell: string): string {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    // \t \n \v \f \r
    if (c >= 9 && c <= 13) return `${cell.slice(0, i)}...`;
  }
  return cell;
}
