/** redis-cli's reply formats: the TTY form (cliFormatReplyTTY) and the raw form used when stdout is not a terminal (cliFormatReplyRaw). */
import type { RespReply } from '../../../cluster/client/types';

/** sdscatrepr: a quoted string with C escapes for quotes, backslashes and unprintables. */
export function repr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c > 0x7f) for (const b of utf8Bytes(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

function utf8Bytes(ch: string): number[] {
  const c = ch.codePointAt(0)!;
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}

export function formatTty(r: RespReply, indent = 0): string {
  switch (r.type) {
    case 'status':
      return `${r.value}\n`;
    case 'error':
      return `(error) ${r.value}\n`;
    case 'integer':
      return `(integer) ${r.value}\n`;
    case 'bulk':
      return r.value === null ? '(nil)\n' : `${repr(r.value)}\n`;
    case 'array': {
      if (r.value === null) return '(nil)\n';
      if (r.value.length === 0) return '(empty array)\n';
      const width = String(r.value.length).length;
      let out = '';
      r.value.forEach((item, i) => {
        const prefix = `${String(i + 1).padStart(width)}) `;
        out += (i === 0 ? '' : ' '.repeat(indent)) + prefix + formatTty(item, indent + prefix.length);
      });
      return out;
    }
  }
}

export { formatRaw } from '../../../cluster/containers/redis/raw-reply';

/** A command line as redis-cli splits it (sdssplitargs, as redis-server splits config lines); undefined on unbalanced quotes. */
export { splitArgs as splitLine } from '../../../cluster/containers/redis/config';
