/**
 * cli-runtime's HumanReadablePrinter: turns objects into tab-separated rows
 * (decorated with NAMESPACE, -L and LABELS columns and KIND/ prefixes), with
 * the header printed once per printer. Alignment is the TabWriter's job.
 */
import type { KubeObject } from '../../../../cluster/api/types';
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
  print(objects: KubeObject[], now: number, eventType?: string): string {
    const o = this.options;
    const visible = this.printer.columns.map((c, i) => ({ c, i })).filter(({ c }) => o.wide || !c.wide);
    const headers: string[] = [];
    if (eventType) headers.push('EVENT');
    if (o.withNamespace) headers.push('NAMESPACE');
    headers.push(...visible.map(({ c }) => c.name));
    for (const key of o.columnLabels ?? []) headers.push(key.split('/').pop()!.toUpperCase());
    if (o.showLabels) headers.push('LABELS');

    let text = '';
    const noHeaders = o.noHeaders || this.printedHeaders;
    if (!noHeaders && objects.length > 0) text += headers.join('\t') + '\n';
    if (objects.length > 0) this.printedHeaders = true;

    const nameIndex = visible.findIndex(({ c }) => c.name === 'NAME');
    for (const obj of objects) {
      const all = this.printer.cells(obj, now);
      const cells: string[] = [];
      if (eventType) cells.push(EVENT_TYPES[eventType] ?? eventType);
      if (o.withNamespace) cells.push(obj.metadata.namespace ?? '');
      visible.forEach(({ i }, n) => {
        const cell = all[i] ?? '';
        cells.push(n === nameIndex && o.kindPrefix ? `${o.kindPrefix}/${cell}` : sanitizeCell(cell));
      });
      const labels = obj.metadata.labels ?? {};
      for (const key of o.columnLabels ?? []) cells.push(labels[key] ?? '');
      if (o.showLabels) cells.push(formatLabels(labels));
      text += cells.join('\t') + '\n';
    }
    return text;
  }
}

/** A cell never breaks the table: text after a line break is cut and marked with "...". */
function sanitizeCell(cell: string): string {
  const brk = cell.search(/[\n\r\f\t\v]/);
  return brk >= 0 ? `${cell.slice(0, brk)}...` : cell;
}
