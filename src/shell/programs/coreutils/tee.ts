import { FsError } from '../../fs-types';
import type { Program } from '../../program';
import { abs } from './common';

/** tee [-a] FILE...: copies stdin to stdout and files as chunks arrive. */
export const tee: Program = async (io) => {
  const args = io.argv.slice(1);
  const append = args.includes('-a') || args.includes('--append');
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  let status = 0;
  const open: string[] = [];
  for (const name of files) {
    try {
      const path = abs(io, name);
      if (!append || !io.fs.exists(path)) io.fs.writeFile(path, '');
      open.push(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      io.stderr.write(`tee: ${name}: ${e.message}\n`);
      status = 1;
    }
  }
  for (let chunk = await io.stdin.read(); chunk !== null; chunk = await io.stdin.read()) {
    io.stdout.write(chunk);
    for (const path of open) io.fs.appendFile(path, chunk);
  }
  return status;
};
