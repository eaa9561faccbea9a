import { FsError } from '../../fs-types';
import type { Program } from '../../program';
import { abs, invalidOption, missingOperand, parseArgs } from './common';

/** rm [-r] [-f] FILE... */
export const rm: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'rRfvid', '', { recursive: 'r', force: 'f', verbose: 'v', dir: 'd' });
  if ('bad' in parsed) return invalidOption(io, 'rm', parsed.bad);
  const force = parsed.flags.has('f');
  const recursive = parsed.flags.has('r') || parsed.flags.has('R');
  if (parsed.operands.length === 0) return force ? 0 : missingOperand(io, 'rm');
  let status = 0;
  for (const name of parsed.operands) {
    const path = abs(io, name);
    try {
      if (!io.fs.exists(path)) {
        if (force) continue;
        throw new FsError('ENOENT', path);
      }
      if (path === '/' && recursive) {
        io.stderr.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
        status = 1;
        continue;
      }
      const isDir = io.fs.stat(path).type === 'dir';
      if (isDir && !recursive && !(parsed.flags.has('d') && io.fs.readdir(path).length === 0)) throw new FsError('EISDIR', path);
      io.fs.rm(path, { recursive });
      if (parsed.flags.has('v')) io.stdout.write(isDir ? `removed directory '${name}'\n` : `removed '${name}'\n`);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      io.stderr.write(`rm: cannot remove '${name}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};
