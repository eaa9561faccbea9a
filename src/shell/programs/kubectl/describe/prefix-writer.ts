/**
 * describe.go's PrefixWriter and tabbedString: text written at indent levels
 * (two spaces each) into one tabwriter (minwidth 0, tabwidth 8, padding 2),
 * so `Key:\tvalue` lines align within each block of tabbed lines.
 */
import { DESCRIBE_TABWRITER, TabWriter } from '../printers/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export interface PrefixWriter {
  /** Writes text (already formatted) after `level` indents. */
  write(level: number, text: string): void;
  /** fmt.Sprintln: the parts joined by spaces, then a newline. */
  writeLine(...parts: string[]): void;
  /** Ends the current alignment block. */
  flush(): void;
}

/** A PrefixWriter over a raw sink (no alignment), as printTemplate in rollout history uses. */
export function rawPrefixWriter(out: (text: string) => void, flush: () => void = () => {}): PrefixWriter {
  return {
    write: (level, text) => out('  '.repeat(level) + text),
    writeLine: (...parts) => out(parts.join(' ') + '\n'),
    flush,
  };
}

/** NewNestedPrefixWriter: every write gets `indent` extra levels. */
export function nestedPrefixWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => w.write(level + indent, text),
    writeLine: (...parts) => w.write(indent, parts.join(' ') + '\n'),
    flush: () => w.flush(),
  };
}

/** tabbedString: runs fn against an aligning PrefixWriter and returns the text. */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  let out = '';
  const tw = new TabWriter((s) => (out += s), DESCRIBE_TABWRITER);
  fn(rawPrefixWriter((s) => tw.write(s), () => tw.flush()));
  tw.flush();
  return out;
}
