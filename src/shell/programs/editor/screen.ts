import type { Key, ProgramIO, RawTty } from '../../program';
import { resolvePath } from '../../path';

/** ANSI for drawing a full screen: positions are 1-based as the terminal counts. */
export const at = (row: number, col = 1) => `\x1b[${row};${col}H`;
export const INVERSE = '\x1b[7m';
export const NORMAL = '\x1b[0m';
export const CLEAR_LINE = '\x1b[K';

/** Keeps the cursor's row within the `height` rows shown from `top`. */
export function scrollTop(top: number, row: number, height: number): number {
  if (row < top) return row;
  if (row >= top + height) return row - height + 1;
  return top;
}

/** The part of a line that fits; the cursor's line scrolls sideways by screens to keep the cursor in view. */
export function visible(line: string, cols: number, cursorCol?: number): { text: string; offset: number } {
  const page = Math.max(1, cols - 8);
  const offset = cursorCol !== undefined && cursorCol >= cols - 1 ? Math.floor((cursorCol - (cols - 1)) / page + 1) * page : 0;
  return { text: line.slice(offset, offset + cols), offset };
}

export interface OpenFile {
  path: string;
  text: string;
  exists: boolean;
}

/** Reads the file named on the command line; a missing file is a new, empty buffer. */
export function openFile(io: ProgramIO, name: string | undefined): OpenFile | undefined {
  if (name === undefined) return undefined;
  const path = resolvePath(io.cwd, name);
  const exists = io.fs.exists(path);
  return { path, text: exists ? io.fs.readFile(path) : '', exists };
}

/**
 * Runs a full-screen program: takes the terminal raw, feeds it keys until
 * handle() returns an exit code, and gives the terminal back (also on Ctrl-C
 * from outside, which aborts the signal).
 */
export function runFullScreen(io: ProgramIO, draw: (raw: RawTty) => void, handle: (key: Key) => number | undefined): Promise<number> {
  const tty = io.ctx.tty;
  if (!tty) {
    io.stderr.write('Too many errors from stdin\n');
    return Promise.resolve(1);
  }
  const raw = tty.raw();
  return new Promise<number>((resolve) => {
    const done = (status: number) => {
      offKey();
      offResize();
      io.signal.removeEventListener('abort', onAbort);
      raw.release();
      resolve(status);
    };
    const onAbort = () => done(130);
    io.signal.addEventListener('abort', onAbort, { once: true });
    const offResize = raw.onResize(() => draw(raw));
    draw(raw);
    const offKey = raw.onKey((key) => {
      let status: number | undefined;
      try {
        status = handle(key);
      } catch (e) {
        io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
      }
      if (status !== undefined) done(status);
      else draw(raw);
    });
  });
}
