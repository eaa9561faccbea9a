/** What a key press in the terminal should do before xterm sees it. */
export type KeyAction = 'copy' | 'browser-paste' | 'terminal';

export interface KeyLike {
  type: string;
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Ctrl-Shift-C / Cmd-C copy the selection, and so does Ctrl-C while text is
 * selected (as in Windows Terminal); Ctrl-C with nothing selected interrupts.
 * Paste shortcuts go to the browser so its paste event reaches xterm.
 */
export function keyAction(e: KeyLike, hasSelection: boolean): KeyAction {
  if (e.type !== 'keydown' || e.altKey) return 'terminal';
  const key = e.key.toLowerCase();
  if (key === 'c') {
    if (e.metaKey || (e.ctrlKey && e.shiftKey)) return 'copy';
    if (e.ctrlKey && hasSelection) return 'copy';
  }
  if (key === 'v' && (e.metaKey || e.ctrlKey)) return 'browser-paste';
  return 'terminal';
}

/**
 * Bracketed-paste markers are dropped: the shell reads pasted text as typed
 * text, one line per CR, like bash with bracketed paste off.
 */
export function stripPasteBrackets(data: string): string {
  return data.replace(/\x1b\[20[01]~/g, '');
}
