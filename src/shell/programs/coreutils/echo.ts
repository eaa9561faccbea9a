import type { ProgramIO } from '../../program';

/** bash's builtin echo: -n, -e, -E (bundled, as leading arguments only). */
export async function runEcho(io: ProgramIO): Promise<number> {
  const args = io.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
    const flag = args.shift()!;
    for (const c of flag.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const stop = text.search(/\\c/);
    const cut = stop >= 0;
    if (cut) text = text.slice(0, stop);
    text = interpretEscapes(text);
    if (cut) newline = false;
  }
  io.stdout.write(newline ? text + '\n' : text);
  return 0;
}

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

export function interpretEscapes(text: string): string {
  return text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, esc: string) => {
    if (esc[0] === '0') return String.fromCharCode(parseInt(esc.slice(1) || '0', 8));
    if (esc[0] === 'x' && esc.length > 1) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return SIMPLE[esc] ?? m;
  });
}
