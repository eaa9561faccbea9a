import { FIRST_TERMINAL, type FirstTerminalMessage } from '../worker/first-terminal';

/**
 * The first tab's shell, which the worker opens on its own as soon as its lab is up
 * (src/worker/first-terminal.ts): its prompt may arrive before the terminal code has
 * loaded. Output is held until the tab's view attaches.
 */
export interface EarlyTerminal {
  /** Hands the held and all later output to `onOutput`; resolves to the worker's terminal id. */
  attach(onOutput: (data: string) => void): Promise<number>;
  /** Settles once the shell has printed something (its prompt), or failed to open. */
  readonly firstOutput: Promise<void>;
}

/** `arrived`: messages the worker sent before this page's code listened (index.html keeps them). */
export function listenForFirstTerminal(worker: Pick<Worker, 'addEventListener'>, arrived: unknown[] = []): EarlyTerminal {
  const held: string[] = [];
  let target: ((data: string) => void) | undefined;
  let printed: () => void = () => {};
  const firstOutput = new Promise<void>((resolve) => (printed = resolve));
  let opened: (id: number) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const id = new Promise<number>((resolve, reject) => {
    opened = resolve;
    failed = reject;
  });
  id.catch(() => {});
  const take = (data: unknown) => {
    const message = (data as Partial<FirstTerminalMessage> | null)?.[FIRST_TERMINAL];
    if (!message) return;
    if ('output' in message) {
      printed();
      if (target) target(message.output);
      else held.push(message.output);
    } else if ('id' in message) opened(message.id);
    else {
      printed();
      failed(new Error(message.error));
    }
  };
  arrived.forEach(take);
  worker.addEventListener('message', (event: MessageEvent) => take(event.data));
  return {
    attach(next) {
      for (const data of held.splice(0)) next(data);
      target = next;
      return id;
    },
    firstOutput,
  };
}
