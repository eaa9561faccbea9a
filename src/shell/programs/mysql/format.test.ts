import { describe, expect, it } from 'vitest';
import { boxTable, errorLine, summary, tabTable, verticalTable } from './format';

const rows = {
  kind: 'rows' as const,
  columns: [
    { name: 'id', numeric: true, notNull: true },
    { name: 'n', numeric: false, notNull: false },
  ],
  rows: [
    [1, 'a'],
    [10, null],
  ],
};

describe('the mysql client result printing', () => {
  it('boxes a result with numbers right-aligned and room for NULL in nullable columns', () => {
    expect(boxTable(rows)).toBe('+----+------+\n| id | n    |\n+----+------+\n|  1 | a    |\n| 10 | NULL |\n+----+------+\n');
  });

  it('prints \\G rows vertically with names right-aligned', () => {
    expect(verticalTable(rows)).toBe('*************************** 1. row ***************************\nid: 1\n n: a\n*************************** 2. row ***************************\nid: 10\n n: NULL\n');
  });

  it('prints batch results tab-separated under a header', () => {
    expect(tabTable(rows)).toBe('id\tn\n1\ta\n10\tNULL\n');
  });

  it('summarises results as the interactive client does', () => {
    expect(summary(rows)).toBe('2 rows in set (0.00 sec)\n');
    expect(summary({ ...rows, rows: [] })).toBe('Empty set (0.00 sec)\n');
    expect(summary({ kind: 'ok', affectedRows: 1, warnings: 0 })).toBe('Query OK, 1 row affected (0.01 sec)\n');
    expect(summary({ kind: 'ok', affectedRows: 0, warnings: 1 })).toBe('Query OK, 0 rows affected, 1 warning (0.01 sec)\n');
    expect(errorLine({ kind: 'error', code: 1046, sqlState: '3D000', message: 'No database selected' }, 1)).toBe('ERROR 1046 (3D000) at line 1: No database selected\n');
  });
});
