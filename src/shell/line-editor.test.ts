import { describe, expect, it } from 'vitest';
import { LineEditor, splitKeys, type EditorAction } from './line-editor';

function edit(keys: string, options: { cols?: number; history?: string[] } = {}) {
  const echo: string[] = [];
  const editor = new LineEditor('$ ', options.cols ?? 80, (s) => echo.push(s), options.history ?? []);
  let last: EditorAction = { type: 'none' };
  for (const key of splitKeys(keys)) last = editor.feed(key);
  return { line: editor.line, echo: echo.join(''), last };
}

describe('line editor', () => {
  it('splits escape sequences and text into keys', () => {
    expect(splitKeys('a\x1b[D\x1bOH\x1b[3~é\r\n')).toEqual(['a', '\x1b[D', '\x1bOH', '\x1b[3~', 'é', '\r']);
  });

  it('echoes typed characters and submits on Enter', () => {
    expect(edit('ls\r')).toEqual({ line: 'ls', echo: 'ls\r\n', last: { type: 'submit', line: 'ls' } });
  });

  it('edits in the middle with Left, Backspace, Home, End and Delete', () => {
    expect(edit('abd\x1b[Dc\x1b[H\x1b[3~\x1b[FX').line).toBe('bcdX');
    expect(edit('abc\x1b[D\x7f').echo).toBe('abc\r\x1b[4C\r$ ac\x1b[J\r\x1b[3C');
  });

  it('kills with Ctrl-U, Ctrl-K and Ctrl-W', () => {
    expect(edit('echo hello world\x17').line).toBe('echo hello ');
    expect(edit('echo hello\x01\x06\x06\x06\x06\x0b').line).toBe('echo');
    expect(edit('echo hello\x1b[D\x1b[D\x15').line).toBe('lo');
  });

  it('walks history with Up and Down, keeping the edited draft', () => {
    const r = edit('draft\x1b[A\x1b[A\x1b[B\x1b[B', { history: ['one', 'two'] });
    expect(r.line).toBe('draft');
    expect(edit('\x1b[A\x1b[A', { history: ['one', 'two'] }).line).toBe('one');
  });

  it('wraps at the terminal width and redraws across rows', () => {
    const r = edit('abcdefgh\x1b[H', { cols: 5 });
    expect(r.echo).toBe('abc\r\ndefgh\r\n\x1b[2A\r\x1b[2C');
  });

  it('returns eof on Ctrl-D at an empty line and interrupt on Ctrl-C', () => {
    expect(edit('\x04').last).toEqual({ type: 'eof' });
    expect(edit('ab\x03')).toEqual({ line: 'ab', echo: 'ab^C\r\n', last: { type: 'interrupt' } });
  });
});
