import { describe, it, expect } from 'vitest';
import { playScript, type PlayerTerminal } from './player';

const NO_DELAY = { charDelay: 0, beforeEnter: 0, afterCommand: 0 };

/** A terminal that records what was typed and when each command was waited for. */
function recorder(): PlayerTerminal & { log: string[] } {
  const log: string[] = [];
  let line = '';
  return {
    log,
    type(data) {
      if (data === '\r') {
        log.push(`enter ${line}`);
        line = '';
      } else line += data;
    },
    commandDone: () => {
      log.push('wait');
      return Promise.resolve();
    },
    sleep: () => Promise.resolve(),
  };
}

describe('playScript', () => {
  it('types each command one character at a time, presses Enter, and waits for it before the next', async () => {
    const typed: string[] = [];
    const term = recorder();
    const type = term.type;
    term.type = (data) => {
      typed.push(data);
      type(data);
    };
    expect(await playScript(['ls', 'pwd'], term, NO_DELAY)).toBe(true);
    expect(typed).toEqual(['l', 's', '\r', 'p', 'w', 'd', '\r']);
    expect(term.log).toEqual(['wait', 'enter ls', 'wait', 'enter pwd']);
  });

  it('stops typing as soon as it is asked to (the widget was removed)', async () => {
    const term = recorder();
    let started = 0;
    const finished = await playScript(['ls', 'pwd', 'date'], term, NO_DELAY, () => started >= 2, () => started++);
    expect(finished).toBe(false);
    expect(term.log).toEqual(['wait', 'enter ls']);
  });

  it('an empty script finishes at once', async () => {
    const term = recorder();
    expect(await playScript([], term, NO_DELAY)).toBe(true);
    expect(term.log).toEqual([]);
  });
});
