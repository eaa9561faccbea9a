import { describe, expect, it } from 'vitest';
import { AnsiScreen } from './ansi-screen';

describe('AnsiScreen', () => {
  it('places text at cursor positions, erases to the end of line and ignores colours', () => {
    const s = new AnsiScreen(10, 4);
    s.write('\x1b[H\x1b[2J\x1b[7mtitle\x1b[0m\x1b[3;2Hxyzzy\x1b[3;4H\x1b[K\r\nnext');
    expect(s.text()).toBe('title\n\n xy\nnext\n');
  });

  it('clips text at the right edge and reports a blank screen as empty', () => {
    const s = new AnsiScreen(3, 2);
    expect(s.text()).toBe('');
    s.write('abcdef');
    expect(s.text()).toBe('abc\n');
  });
});
