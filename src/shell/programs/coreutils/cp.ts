import { FsError, type FileSystem } from '../../fs-types';
import type { Program, ProgramIO } from '../../program';
import { basename } from '../../path';
import { abs, invalidOption, parseArgs } from './common';

/** cp [-r] SOURCE... DEST */
export const cp: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'rRafv', '', { recursive: 'r', force: 'f', verbose: 'v', archive: 'a' });
  if ('bad' in parsed) return invalidOption(io, 'cp', parsed.bad);
  return transfer(io, 'cp', parsed.operands, (from, to, name) => {
    const recursive = ['r', 'R', 'a'].some((f) => parsed.flags.has(f));
    if (io.fs.stat(from).type === 'dir' && !recursive) {
      io.stderr.write(`cp: -r not specified; omitting directory '${name}'\n`);
      return false;
    }
    copyTree(io.fs, from, to);
    return true;
  });
};

/** mv SOURCE... DEST */
export const mv: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'fvin', '', { force: 'f', verbose: 'v' });
  if ('bad' in parsed) return invalidOption(io, 'mv', parsed.bad);
  return transfer(io, 'mv', parsed.operands, (from, to) => {
    if (from === to) return true;
    if (io.fs.exists(to) && io.fs.stat(to).type === 'file') io.fs.rm(to);
    io.fs.rename(from, to);
    return true;
  });
};

/** The shared shape of cp and mv: operand checks, "into a directory" targets, error texts. */
function transfer(io: ProgramIO, cmd: string, operands: string[], act: (from: string, to: string, name: string) => boolean): number {
  if (operands.length === 0) {
    io.stderr.write(`${cmd}: missing file operand\nTry '${cmd} --help' for more information.\n`);
    return 1;
  }
  if (operands.length === 1) {
    io.stderr.write(`${cmd}: missing destination file operand after '${operands[0]}'\nTry '${cmd} --help' for more information.\n`);
    return 1;
  }
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  const destPath = abs(io, dest);
  const destIsDir = io.fs.exists(destPath) && io.fs.stat(destPath).type === 'dir';
  if (sources.length > 1 && !destIsDir) {
    io.stderr.write(`${cmd}: target '${dest}': ${io.fs.exists(destPath) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  let status = 0;
  for (const src of sources) {
    const from = abs(io, src);
    if (!io.fs.exists(from)) {
      io.stderr.write(`${cmd}: cannot stat '${src}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const to = destIsDir ? `${destPath === '/' ? '' : destPath}/${basename(from)}` : destPath;
    try {
      if (!act(from, to, src)) status = 1;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      const verb = cmd === 'cp' ? `cannot create regular file '${dest}'` : `cannot move '${src}' to '${dest}'`;
      io.stderr.write(`${cmd}: ${verb}: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
}

function copyTree(fs: FileSystem, from: string, to: string): void {
  if (fs.stat(from).type === 'file') {
    fs.writeFile(to, fs.readFile(from));
    return;
  }
  if (!fs.exists(to)) fs.mkdir(to);
  for (const name of fs.readdir(from)) copyTree(fs, `${from}/${name}`, `${to}/${name}`);
}
