/**
 * The app's first shell, opened by the worker itself as soon as its lab is up, with
 * no request from the page: a page busy mounting its terminal would pass a request on
 * late. Its output and id go to the page as plain messages (beside Comlink's), and the
 * page's first terminal view takes them (src/ui/early-terminal.ts).
 */
import type { LabApi, TerminalSize } from './lab-api';

export const FIRST_TERMINAL = 'kubelabFirstTerminal';

export type FirstTerminalMessage = { [FIRST_TERMINAL]: { output: string } | { id: number } | { error: string } };

/** The page resizes it once its view is laid out. */
const SIZE: TerminalSize = { cols: 80, rows: 24 };

export function openFirstTerminal(api: Pick<LabApi, 'openTerminal'>, post: (message: FirstTerminalMessage) => void): void {
  let printed = false;
  const onOutput = (output: string) => {
    if (!printed) performance.mark('kubelab:first-prompt-sent');
    printed = true;
    post({ [FIRST_TERMINAL]: { output } });
  };
  api.openTerminal(onOutput, SIZE).then(
    (id) => post({ [FIRST_TERMINAL]: { id } }),
    (error: unknown) => post({ [FIRST_TERMINAL]: { error: error instanceof Error ? error.message : String(error) } }),
  );
}
