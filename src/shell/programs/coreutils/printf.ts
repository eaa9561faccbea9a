import type { Program } from '../../program';

/**
 * printf FORMAT [ARGUMENT]...: bash's builtin semantics — backslash escapes in
 * the format, %s %d %i %u %x %X %o %c %f %e %g %b %q %%, widths, precision and
 * flags; the format is reused until the arguments run out.
 */
export const printf: Program = async (io) => {
  const [format, ...args] = io.argv.slice(1);
  if (format === undefined) {
    io.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  let out = '';
  let status = 0;
  let next = 0;
  const take = (): string | undefined => (next < args.length ? args[next++] : undefined);
  do {
    const start = next;
    const result = render(format, take, (msg) => {
      io.stderr.write(`bash: printf: ${msg}\n`);
      status = 1;
    });
    out += result.text;
    if (result.stop || next === start) break;
  } while (next < args.length);
  io.stdout.write(out);
  return status;
};

const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sdiuxXocfeEgGbq%])/y;

function render(format: string, take: () => string | undefined, warn: (m: string) => void): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i];
    if (c === '\\') {
      const { value, length, stop } = escape(format, i);
      if (stop) return { text, stop: true };
      text += value;
      i += length;
      continue;
    }
    if (c !== '%') {
      text += c;
      i++;
      continue;
    }
    SPEC.lastIndex = i;
    const m = SPEC.exec(format);
    if (!m) {
      text += c;
      i++;
      continue;
    }
    i = SPEC.lastIndex;
    const [, flags, widthSpec, precSpec, conv] = m;
    if (conv === '%') {
      text += '%';
      continue;
    }
    const width = widthSpec === '*' ? Number(take() ?? 0) : widthSpec ? Number(widthSpec) : undefined;
    const precision = precSpec === '*' ? Number(take() ?? 0) : precSpec !== undefined ? Number(precSpec) : undefined;
    text += pad(convert(conv, take() ?? '', precision, flags, warn), width, flags);
  }
  return { text, stop: false };
}

function convert(conv: string, arg: string, precision: number | undefined, flags: string, warn: (m: string) => void): string {
  switch (conv) {
    case 's':
      return precision !== undefined ? arg.slice(0, precision) : arg;
    case 'b':
      return arg.replace(/\\./g, (e) => escape(e, 0).value);
    case 'q':
      return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
    case 'c':
      return arg.slice(0, 1);
    case 'f':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      const n = arg === '' ? 0 : Number(arg);
      if (Number.isNaN(n)) warn(`${arg}: invalid number`);
      const v = Number.isNaN(n) ? 0 : n;
      const p = precision ?? 6;
      const s = conv === 'f' ? v.toFixed(p) : conv.toLowerCase() === 'e' ? v.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(v.toPrecision(p || 1)));
      return sign(conv === 'E' || conv === 'G' ? s.toUpperCase() : s, v, flags);
    }
    default: {
      const n = integer(arg, warn);
      const base = conv === 'x' || conv === 'X' ? 16 : conv === 'o' ? 8 : 10;
      let s = Math.abs(n).toString(base);
      if (conv === 'X') s = s.toUpperCase();
      if (precision !== undefined) s = s.padStart(precision, '0');
      return n < 0 ? '-' + s : sign(s, n, flags);
    }
  }
}

function integer(arg: string, warn: (m: string) => void): number {
  if (arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const n = /^[+-]?0x[0-9a-f]+$/i.test(arg) ? parseInt(arg, 16) : /^[+-]?\d+$/.test(arg) ? parseInt(arg, 10) : NaN;
  if (Number.isNaN(n)) {
    warn(`${arg}: invalid number`);
    return 0;
  }
  return n;
}

function sign(s: string, n: number, flags: string): string {
  if (n < 0 || s.startsWith('-')) return s;
  return flags.includes('+') ? '+' + s : flags.includes(' ') ? ' ' + s : s;
}

function pad(s: string, width: number | undefined, flags: string): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && /^[+-]?[\d.]/.test(s)) {
    const signChar = /^[+-]/.test(s) ? s[0] : '';
    return signChar + s.slice(signChar.length).padStart(width - signChar.length, '0');
  }
  return s.padStart(width);
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'" };

/** One backslash escape at text[i]; `\c` stops all output. */
function escape(text: string, i: number): { value: string; length: number; stop?: boolean } {
  const c = text[i + 1];
  if (c === undefined) return { value: '\\', length: 1 };
  if (c === 'c') return { value: '', length: 2, stop: true };
  if (c in SIMPLE) return { value: SIMPLE[c], length: 2 };
  const octal = /^0?[0-7]{1,3}/.exec(text.slice(i + 1));
  if (octal) return { value: String.fromCharCode(parseInt(octal[0], 8)), length: 1 + octal[0].length };
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1));
  if (hex) return { value: String.fromCharCode(parseInt(hex[1], 16)), length: 2 + hex[1].length };
  return { value: '\\' + c, length: 2 };
}
