import { FsError } from '../../fs-types';
import type { Program } from '../../program';
import { abs, invalidOption, missingOperand, parseArgs } from './common';

/** mkdir [-p] DIR...: GNU's curly quotes in "cannot create directory ‘a’". */
export const mkdir: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'pv', 'm', { parents: 'p', verbose: 'v', mode: 'm' });
  if ('bad' in parsed) return invalidOption(io, 'mkdir', parsed.bad);
  if (parsed.operands.length === 0) return missingOperand(io, 'mkdir');
  let status = 0;
  for (const dir of parsed.operands) {
    try {
      const path = abs(io, dir);
      if (parsed.flags.has('p') && io.fs.exists(path) && io.fs.stat(path).type === 'dir') continue;
      io.fs.mkdir(path, { recursive: parsed.flags.has('p') });
      if (parsed.flags.has('v')) io.stdout.write(`mkdir: created directory '${dir}'\n`);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      io.stderr.write(`mkdir: cannot create directory ‘${dir}’: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};
