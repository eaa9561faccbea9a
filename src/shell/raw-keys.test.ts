import { describe, expect, it } from 'vitest';
import { decodeKeys } from './raw-keys';

describe('decodeKeys', () => {
  it('decodes printable text, Enter, Backspace, Ctrl letters and escape sequences', () => {
    expect(decodeKeys('aé\r\x7f\x18\x0f\x1b[A\x1b[B\x1b[C\x1b[D\x1b[3~\x1b[H\x1bOF\x1b[5~\x1b[6~\t')).toEqual([
      { type: 'char', char: 'a' },
      { type: 'char', char: 'é' },
      { type: 'enter' },
      { type: 'backspace' },
      { type: 'ctrl', letter: 'x' },
      { type: 'ctrl', letter: 'o' },
      { type: 'up' },
      { type: 'down' },
      { type: 'right' },
      { type: 'left' },
      { type: 'delete' },
      { type: 'home' },
      { type: 'end' },
      { type: 'pageup' },
      { type: 'pagedown' },
      { type: 'tab' },
    ]);
  });

  it('decodes function keys as xterm sends them', () => {
    expect(decodeKeys('\x1bOQ\x1bOR\x1b[17~\x1b[24~')).toEqual([
      { type: 'function', n: 2 },
      { type: 'function', n: 3 },
      { type: 'function', n: 6 },
      { type: 'function', n: 12 },
    ]);
  });

  it('reads Esc followed by a key as two keys (vi users type Esc then :)', () => {
    expect(decodeKeys('\x1b:')).toEqual([{ type: 'escape' }, { type: 'char', char: ':' }]);
    expect(decodeKeys('\x1b')).toEqual([{ type: 'escape' }]);
  });
});
