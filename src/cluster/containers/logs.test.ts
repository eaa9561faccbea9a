import { describe, expect, it } from 'vitest';
import { appendLog, newLog } from './logs';

describe('container log cap', () => {
  it('keeps every line while under the cap, counting UTF-8 bytes and newlines', () => {
    const log = newLog(['a', 'é']);
    expect(log).toEqual({ lines: ['a', 'é'], bytes: 5 });
  });

  it('drops the oldest lines once over the cap', () => {
    const log = newLog();
    appendLog(log, ['1111', '2222', '3333'], 10);
    expect(log).toEqual({ lines: ['2222', '3333'], bytes: 10 });
    appendLog(log, ['44'], 10);
    expect(log).toEqual({ lines: ['3333', '44'], bytes: 8 });
  });
});
