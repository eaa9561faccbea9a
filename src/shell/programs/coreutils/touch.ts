import { FsError } from '../../fs-types';
import type { Program } from '../../program';
import { abs, missingOperand } from './common';

/** touch FILE...: creates empty files, or updates the time of existing ones. */
export const touch: Program = async (io) => {
  const files = io.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  if (files.length === 0) return missingOperand(io, 'touch', 'file operand');
  let status = 0;
  for (const name of files) {
    const path = abs(io, name);
    try {
      if (io.fs.exists(path) && io.fs.stat(path).type === 'dir') continue;
      io.fs.appendFile(path, '');
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      io.stderr.write(`touch: cannot touch '${name}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};
