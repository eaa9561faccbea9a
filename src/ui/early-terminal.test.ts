import { describe, expect, it } from 'vitest';
import { FIRST_TERMINAL, type FirstTerminalMessage } from '../worker/first-terminal';
import { listenForFirstTerminal } from './early-terminal';

/** A worker that says what the test says, when it says it. */
function fakeWorker() {
  let listener: (event: MessageEvent) => void = () => {};
  const worker = {
    addEventListener: (_type: string, l: (event: MessageEvent) => void) => (listener = l),
  } as unknown as Pick<Worker, 'addEventListener'>;
  const say = (data: unknown) => listener({ data } as MessageEvent);
  return { worker, say };
}

const output = (text: string): FirstTerminalMessage => ({ [FIRST_TERMINAL]: { output: text } });

describe('the first shell, which the worker opens before the page has a terminal', () => {
  it('hands what it printed before the view attached, then what it prints after, in order', async () => {
    const { worker, say } = fakeWorker();
    const early = listenForFirstTerminal(worker);
    say(output('$ '));
    say(output('\r\n$ '));
    const shown: string[] = [];
    const id = early.attach((data) => shown.push(data));
    say(output('ls'));
    say({ [FIRST_TERMINAL]: { id: 3 } });
    expect(await id).toBe(3);
    expect(shown).toEqual(['$ ', '\r\n$ ', 'ls']);
  });

  it('takes what the worker said before the page listened first', async () => {
    const { worker, say } = fakeWorker();
    const early = listenForFirstTerminal(worker, [output('$ '), { [FIRST_TERMINAL]: { id: 1 } }]);
    say(output('x'));
    const shown: string[] = [];
    expect(await early.attach((data) => shown.push(data))).toBe(1);
    expect(shown).toEqual(['$ ', 'x']);
  });

  it('leaves the worker’s other messages alone', () => {
    const { worker, say } = fakeWorker();
    const early = listenForFirstTerminal(worker);
    say({ id: 'comlink-reply', type: 'RAW', value: 1 });
    say(null);
    const shown: string[] = [];
    void early.attach((data) => shown.push(data));
    expect(shown).toEqual([]);
  });

  it('tells when the shell has printed its prompt', async () => {
    const { worker, say } = fakeWorker();
    const early = listenForFirstTerminal(worker);
    let printed = false;
    void early.firstOutput.then(() => (printed = true));
    await Promise.resolve();
    expect(printed).toBe(false);
    say(output('$ '));
    await Promise.resolve();
    expect(printed).toBe(true);
  });

  it('settles its first output when the shell could not open, and the view gets the failure', async () => {
    const { worker, say } = fakeWorker();
    const early = listenForFirstTerminal(worker);
    say({ [FIRST_TERMINAL]: { error: 'no lab' } });
    await early.firstOutput;
    await expect(early.attach(() => {})).rejects.toThrow('no lab');
  });
});
