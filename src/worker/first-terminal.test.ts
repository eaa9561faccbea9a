import { describe, expect, it } from 'vitest';
import type { LabApi } from './lab-api';
import { FIRST_TERMINAL, openFirstTerminal, type FirstTerminalMessage } from './first-terminal';

describe('the app’s first shell, opened by the worker', () => {
  it('posts the shell’s output, then its id, to the page', async () => {
    const posted: FirstTerminalMessage[] = [];
    const api: Pick<LabApi, 'openTerminal'> = {
      openTerminal: async (onOutput, size) => {
        onOutput(`${size.cols}x${size.rows} $ `);
        return 4;
      },
    };
    openFirstTerminal(api, (m) => posted.push(m));
    await new Promise((r) => setTimeout(r));
    expect(posted).toEqual([{ [FIRST_TERMINAL]: { output: '80x24 $ ' } }, { [FIRST_TERMINAL]: { id: 4 } }]);
  });

  it('posts why the shell could not open', async () => {
    const posted: FirstTerminalMessage[] = [];
    openFirstTerminal({ openTerminal: () => Promise.reject(new Error('lab failed')) }, (m) => posted.push(m));
    await new Promise((r) => setTimeout(r));
    expect(posted).toEqual([{ [FIRST_TERMINAL]: { error: 'lab failed' } }]);
  });
});
