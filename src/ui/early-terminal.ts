import * as Comlink from 'comlink';
import type { LabApi, TerminalSize } from '../worker/lab-api';

/**
 * The first tab's shell, opened before the terminal code has loaded: its
 * prompt is on its way while xterm downloads and mounts. Output is held until
 * the tab's view attaches.
 */
export interface EarlyTerminal {
  /** Hands the held and all later output to `onOutput`; resolves to the worker's terminal id. */
  attach(onOutput: (data: string) => void): Promise<number>;
  /** Settles once the shell has printed something (its prompt), or failed to open. */
  readonly firstOutput: Promise<void>;
}

export function openEarlyTerminal(api: Comlink.Remote<LabApi>, size: TerminalSize): EarlyTerminal {
  const held: string[] = [];
  let target: ((data: string) => void) | undefined;
  let printed: () => void = () => {};
  const firstOutput = new Promise<void>((resolve) => (printed = resolve));
  const onOutput = (data: string) => {
    printed();
    if (target) target(data);
    else held.push(data);
  };
  const id = api.openTerminal(Comlink.proxy(onOutput), size);
  id.catch(() => printed());
  return {
    attach(next) {
      for (const data of held.splice(0)) next(data);
      target = next;
      return id;
    },
    firstOutput,
  };
}

/**
 * A guess at the first terminal's size before it is laid out (the view sends
 * the real one once it is): the window less the toolbar, in cells of the
 * 14px monospace font.
 */
export function estimatedTerminalSize(width: number, height: number): TerminalSize {
  return { cols: Math.max(20, Math.floor((width - 20) / 8.4)), rows: Math.max(5, Math.floor((height - 50) / 17)) };
}
