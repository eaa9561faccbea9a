import type { TerminalSink } from '../shell/terminal-types';

/** What xterm needs to wipe the screen and its scrollback, as `clear` does in a real terminal. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export interface XtermSink extends TerminalSink {
  /** Sends whatever is buffered now instead of at the end of the microtask. */
  flush(): void;
}

/**
 * Turns the shell's plain text into what xterm expects (CR LF line ends) and
 * batches everything written in one turn into one message, so a long
 * `kubectl get` costs one postMessage instead of one per line.
 */
export function createXtermSink(
  send: (data: string) => void,
  schedule: (task: () => void) => void = queueMicrotask,
): XtermSink {
  let pending = '';
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    if (pending === '') return;
    const data = pending;
    pending = '';
    send(data);
  };

  const append = (data: string): void => {
    if (data === '') return;
    pending += data;
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  };

  return {
    output(text) {
      append(toCrLf(text));
    },
    echo(ansi) {
      append(ansi);
    },
    clear() {
      append(CLEAR_SCREEN);
    },
    flush,
  };
}

/** Lone LF becomes CR LF; an existing CR LF stays as it is. */
export function toCrLf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
