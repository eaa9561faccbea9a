import type { Terminal } from '@xterm/xterm';

/** The live xterm instances by tab key, so the test hook can read their screens. */
export const terminals = new Map<number, Terminal>();

/** The worker's terminal id for each tab key, once the worker opened it (the lesson's "run" buttons type into it). */
export const remoteTerminalIds = new Map<number, number>();

/** The whole buffer (scrollback and screen) as text: wrapped rows joined, never-written cells at row ends left out. */
export function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (!line) continue;
    // A row that continues on the next one keeps its trailing spaces.
    const text = line.translateToString(!buffer.getLine(i + 1)?.isWrapped);
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** The cursor's row up to the cursor, untrimmed: '$ ' at an empty prompt. */
export function cursorLineText(term: Terminal): string {
  const buffer = term.buffer.active;
  const line = buffer.getLine(buffer.baseY + buffer.cursorY);
  return line ? line.translateToString(false, 0, buffer.cursorX) : '';
}
