/** printf-style formatting for awk's printf and sprintf (C semantics for %d %s %f %g %e %x %c). */
export function sprintf<V>(fmt: string, args: V[], num: (v: V) => number, str: (v: V) => string): string {
  let i = 0;
  return fmt.replace(/%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([cdiouxXeEfgGs%])/g, (m, flags: string, width?: string, prec?: string, conv?: string) => {
    if (conv === '%') return '%';
    const w = width === '*' ? num(args[i++] as V) : width ? Number(width) : 0;
    const p = prec === '*' ? num(args[i++] as V) : prec !== undefined ? Number(prec) : undefined;
    const arg = args[i++];
    let s: string;
    switch (conv) {
      case 'd':
      case 'i': s = String(Math.trunc(num(arg))); break;
      case 'o': s = Math.trunc(num(arg)).toString(8); break;
      case 'x': s = Math.trunc(num(arg)).toString(16); break;
      case 'X': s = Math.trunc(num(arg)).toString(16).toUpperCase(); break;
      case 'u': s = String(Math.abs(Math.trunc(num(arg)))); break;
      case 'c': s = typeof arg === 'number' ? String.fromCharCode(arg) : str(arg).slice(0, 1); break;
      case 'e':
      case 'E': s = num(arg).toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break;
      case 'f': s = num(arg).toFixed(p ?? 6); break;
      case 'g':
      case 'G': s = formatG(num(arg), p ?? 6); break;
      default: s = str(arg); if (p !== undefined) s = s.slice(0, p);
    }
    if (flags.includes('+') && /[dieEfgG]/.test(conv!) && !s.startsWith('-')) s = '+' + s;
    if (s.length >= w) return s;
    if (flags.includes('-')) return s.padEnd(w);
    if (flags.includes('0') && /[diouxXeEfgG]/.test(conv!)) return s.startsWith('-') ? '-' + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0');
    return s.padStart(w);
  });
}

/** C's %g: shortest of %e/%f at the given significant digits, trailing zeros removed. */
export function formatG(n: number, precision: number): string {
  if (n === 0) return '0';
  const p = precision === 0 ? 1 : precision;
  const exp = Math.floor(Math.log10(Math.abs(n)));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = n.toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
  } else {
    s = n.toFixed(Math.max(0, p - 1 - exp));
    if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}
