/** mitchellh/go-wordwrap WrapString, as kubectl explain's `wrap` template function uses it. */
const isSpace = (c: string) => /\s/.test(c) && c !== '\u00a0';

/** Breaks at white space so lines stay within `limit` characters; longer words stay whole. */
export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + space.length > limit) current = 0;
        else out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += space.length + word.length;
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + space.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** The template `indent` function: pad the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join('\n' + pad);
}
