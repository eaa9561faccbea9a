import { describe, expect, it } from 'vitest';
import type * as Comlink from 'comlink';
import type { LabApi } from '../worker/lab-api';
import { estimatedTerminalSize, openEarlyTerminal } from './early-terminal';

/** A worker whose first shell prints what the test says, when it says. */
function fakeWorker() {
  let print: (data: string) => void = () => {};
  let answer: (id: number) => void = () => {};
  const api = {
    openTerminal: (onOutput: (data: string) => void) => {
      print = onOutput;
      return new Promise<number>((resolve) => (answer = resolve));
    },
  } as unknown as Comlink.Remote<LabApi>;
  return { api, print: (data: string) => print(data), answer: (id: number) => answer(id) };
}

describe('the first shell, opened before its terminal view', () => {
  it('hands what it printed before the view attached, then what it prints after, in order', async () => {
    const worker = fakeWorker();
    const early = openEarlyTerminal(worker.api, { cols: 80, rows: 24 });
    worker.print('$ ');
    worker.print('\r\n$ ');
    const shown: string[] = [];
    const id = early.attach((data) => shown.push(data));
    worker.print('ls');
    worker.answer(3);
    expect(await id).toBe(3);
    expect(shown).toEqual(['$ ', '\r\n$ ', 'ls']);
  });

  it('tells when the shell has printed its prompt', async () => {
    const worker = fakeWorker();
    const early = openEarlyTerminal(worker.api, { cols: 80, rows: 24 });
    let printed = false;
    void early.firstOutput.then(() => (printed = true));
    await Promise.resolve();
    expect(printed).toBe(false);
    worker.print('$ ');
    await Promise.resolve();
    expect(printed).toBe(true);
  });

  it('settles its first output when the shell could not open, and the view gets the failure', async () => {
    const api = { openTerminal: () => Promise.reject(new Error('no lab')) } as unknown as Comlink.Remote<LabApi>;
    const early = openEarlyTerminal(api, { cols: 80, rows: 24 });
    await early.firstOutput;
    await expect(early.attach(() => {})).rejects.toThrow('no lab');
  });
});

describe('the first terminal size guessed before layout', () => {
  it('counts 14px monospace cells in the window less the toolbar', () => {
    expect(estimatedTerminalSize(1280, 720)).toEqual({ cols: 150, rows: 39 });
  });

  it('never guesses fewer than 20 columns and 5 rows', () => {
    expect(estimatedTerminalSize(0, 0)).toEqual({ cols: 20, rows: 5 });
  });
});
