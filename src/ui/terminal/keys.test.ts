import { describe, it, expect } from 'vitest';
import { keyAction, stripPasteBrackets, type KeyLike } from './keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  type: 'keydown',
  key: k,
  ctrlKey: false,
  shiftKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyAction', () => {
  it('sends Ctrl-C to the shell when nothing is selected', () => {
    expect(keyAction(key('c', { ctrlKey: true }), false)).toBe('terminal');
  });
  it('copies on Ctrl-C while text is selected', () => {
    expect(keyAction(key('c', { ctrlKey: true }), true)).toBe('copy');
  });
  it('copies on Ctrl-Shift-C and Cmd-C whatever the selection', () => {
    expect(keyAction(key('C', { ctrlKey: true, shiftKey: true }), false)).toBe('copy');
    expect(keyAction(key('c', { metaKey: true }), true)).toBe('copy');
  });
  it('leaves Ctrl-V, Ctrl-Shift-V and Cmd-V to the browser paste', () => {
    expect(keyAction(key('v', { ctrlKey: true }), false)).toBe('browser-paste');
    expect(keyAction(key('V', { ctrlKey: true, shiftKey: true }), false)).toBe('browser-paste');
    expect(keyAction(key('v', { metaKey: true }), false)).toBe('browser-paste');
  });
  it('passes plain keys, key-ups and Alt chords to the terminal', () => {
    expect(keyAction(key('c'), true)).toBe('terminal');
    expect(keyAction({ ...key('c', { ctrlKey: true }), type: 'keyup' }, true)).toBe('terminal');
    expect(keyAction(key('c', { ctrlKey: true, altKey: true }), true)).toBe('terminal');
  });
});

describe('stripPasteBrackets', () => {
  it('removes the bracketed paste start and end markers only', () => {
    expect(stripPasteBrackets('\x1b[200~echo a\recho b\r\x1b[201~')).toBe('echo a\recho b\r');
    expect(stripPasteBrackets('\x1b[A')).toBe('\x1b[A');
  });
});
