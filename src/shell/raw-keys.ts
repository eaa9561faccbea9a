import type { Key } from './program';
import { splitKeys } from './line-editor';

const NAMED: Record<string, Key['type']> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x1b': 'escape',
  '\x1b[3~': 'delete',
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[5~': 'pageup',
  '\x1b[6~': 'pagedown',
};

const FUNCTION: Record<string, number> = {
  '\x1bOP': 1,
  '\x1bOQ': 2,
  '\x1bOR': 3,
  '\x1bOS': 4,
  '\x1b[15~': 5,
  '\x1b[17~': 6,
  '\x1b[18~': 7,
  '\x1b[19~': 8,
  '\x1b[20~': 9,
  '\x1b[21~': 10,
  '\x1b[23~': 11,
  '\x1b[24~': 12,
};

/** Decodes raw terminal input into keys for a full-screen program. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  for (const raw of splitKeys(data)) {
    const named = NAMED[raw];
    if (named) keys.push({ type: named } as Key);
    else if (FUNCTION[raw]) keys.push({ type: 'function', n: FUNCTION[raw] });
    else if (raw.length === 2 && raw[0] === '\x1b' && raw[1] !== '[' && raw[1] !== 'O') {
      // Esc typed just before another key (vi's `Esc:wq`), not an Alt chord: two keys.
      keys.push({ type: 'escape' }, ...decodeKeys(raw[1]));
    } else if (raw.length === 1 && raw < ' ') keys.push({ type: 'ctrl', letter: String.fromCharCode(raw.charCodeAt(0) + 96) });
    else if (!raw.startsWith('\x1b')) keys.push({ type: 'char', char: raw });
  }
  return keys;
}
