/** What a per-kind printer gives: column definitions and one row of cells per object. */
// Objects are plain JSON from the API; printers read them loosely, as Go's typed structs would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Column {
  /** Upper-case header, as kubectl prints it. */
  name: string;
  /** Priority 1: shown only with -o wide. */
  wide?: boolean;
}

export interface KindPrinter {
  columns: Column[];
  /** One cell per column (wide ones included), in column order. */
  cells(obj: Json, now: number): string[];
}

export const col = (name: string, wide = false): Column => (wide ? { name, wide } : { name });
