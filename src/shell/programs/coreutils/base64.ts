import type { Program } from '../../program';
import { inputs } from './common';

/** base64 [-d] [-w COLS] [FILE]: wraps at 76 columns like GNU. */
export const base64: Program = async (io) => {
  const args = io.argv.slice(1);
  const decode = args.some((a) => a === '-d' || a === '--decode');
  let wrap = 76;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-w') wrap = Number(args[++i]);
    else if (a.startsWith('--wrap=')) wrap = Number(a.slice(7));
    else if (a === '-d' || a === '--decode' || a === '-i') continue;
    else files.push(a);
  }
  for await (const input of inputs(io, 'base64', files.slice(0, 1))) {
    if ('error' in input) {
      io.stderr.write(input.error + '\n');
      return 1;
    }
    if (decode) {
      const clean = input.text.replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
        io.stderr.write('base64: invalid input\n');
        return 1;
      }
      const bin = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
      io.stdout.write(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
      return 0;
    }
    const bytes = new TextEncoder().encode(input.text);
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    const encoded = btoa(bin);
    const lines = wrap > 0 ? encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? [] : [encoded];
    io.stdout.write(lines.map((l) => l + '\n').join(''));
  }
  return 0;
};
