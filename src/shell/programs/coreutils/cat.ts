import type { Program } from '../../program';
import { inputs, invalidOption, parseArgs } from './common';

/** cat [-n] [FILE]...: concatenates files (or stdin), streaming stdin chunk by chunk. */
export const cat: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'nAEvs', '', { number: 'n' });
  if ('bad' in parsed) return invalidOption(io, 'cat', parsed.bad);
  const number = parsed.flags.has('n');
  let status = 0;
  let lineNo = 1;
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  for (const file of files) {
    if (file === '-' && !number) {
      // Stream: `cat` in a pipeline passes chunks on as they come.
      for (let chunk = await io.stdin.read(); chunk !== null; chunk = await io.stdin.read()) io.stdout.write(chunk);
      continue;
    }
    for await (const input of inputs(io, 'cat', [file])) {
      if ('error' in input) {
        io.stderr.write(input.error + '\n');
        status = 1;
        continue;
      }
      if (!number) io.stdout.write(input.text);
      else {
        const lines = input.text.split('\n');
        const trailing = lines[lines.length - 1] === '';
        if (trailing) lines.pop();
        io.stdout.write(lines.map((l) => `${String(lineNo++).padStart(6)}\t${l}`).join('\n') + (trailing ? '\n' : ''));
      }
    }
  }
  return status;
};
