import { describe, expect, it } from 'vitest';
import { TextBuffer } from './buffer';

describe('TextBuffer', () => {
  it('reads a file as lines without an extra line for the final newline, and writes it back', () => {
    const b = new TextBuffer('a\nb\n');
    expect(b.lines).toEqual(['a', 'b']);
    expect(b.text()).toBe('a\nb\n');
    expect(b.lineCount()).toBe(2);
  });

  it('adds the final newline a file lacked, and an empty buffer is an empty file', () => {
    expect(new TextBuffer('a').text()).toBe('a\n');
    const empty = new TextBuffer('');
    expect(empty.text()).toBe('');
    expect(empty.lineCount()).toBe(0);
  });

  it('inserts at the cursor, splits lines on newline and joins them on backspace at column 0', () => {
    const b = new TextBuffer('hello\n');
    b.moveTo(0, 2);
    b.insert('XY');
    expect(b.lines).toEqual(['heXYllo']);
    b.newline();
    expect(b.lines).toEqual(['heXY', 'llo']);
    expect([b.row, b.col]).toEqual([1, 0]);
    b.backspace();
    expect(b.lines).toEqual(['heXYllo']);
    expect([b.row, b.col, b.modified]).toEqual([0, 4, true]);
  });

  it('deletes under the cursor and joins the next line at the end of a line', () => {
    const b = new TextBuffer('ab\ncd\n');
    b.deleteChar();
    expect(b.lines).toEqual(['b', 'cd']);
    b.moveTo(0, Infinity);
    b.deleteChar();
    expect(b.lines).toEqual(['bcd']);
  });

  it('keeps the column where the line allows on vertical moves, and wraps left and right across lines', () => {
    const b = new TextBuffer('long line\nab\n');
    b.moveTo(0, 7);
    b.moveTo(1, b.col);
    expect([b.row, b.col]).toEqual([1, 2]);
    b.right();
    expect([b.row, b.col]).toEqual([1, 2]);
    b.moveTo(1, 0);
    b.left();
    expect([b.row, b.col]).toEqual([0, 9]);
  });

  it('cuts whole lines and pastes them above the cursor line', () => {
    const b = new TextBuffer('one\ntwo\nthree\n');
    b.moveTo(1, 1);
    expect(b.cutLine()).toBe('two');
    expect(b.lines).toEqual(['one', 'three']);
    b.moveTo(0, 0);
    b.pasteLines(['two']);
    expect(b.lines).toEqual(['two', 'one', 'three']);
    expect([b.row, b.col]).toEqual([1, 0]);
    b.pasteLines(['x'], true);
    expect(b.lines).toEqual(['two', 'one', 'x', 'three']);
    expect(b.row).toBe(2);
  });

  it('leaves one empty line after cutting the last one', () => {
    const b = new TextBuffer('only\n');
    b.cutLine();
    expect(b.lines).toEqual(['']);
    expect(b.text()).toBe('');
  });

  it('finds text after the cursor and wraps around to the top', () => {
    const b = new TextBuffer('replicas: 2\nname: web\nreplicas: 3\n');
    expect(b.find('replicas')).toEqual({ row: 2, col: 0, wrapped: false });
    b.moveTo(2, 0);
    expect(b.find('replicas')).toEqual({ row: 0, col: 0, wrapped: true });
    expect(b.find('absent')).toBeUndefined();
    b.moveTo(1, 0);
    expect(b.find('name')).toEqual({ row: 1, col: 0, wrapped: true });
  });
});
