import type { Program } from '../../program';
import { abs, invalidOption, missingOperand, parseArgs } from './common';

const OCTAL = /^[0-7]{1,4}$/;
const SYMBOLIC = /^[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+(?:,[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+)*$/;

/**
 * chmod [-R] MODE FILE...: checks the mode and that each file exists. The file
 * system contract keeps no permission bits (files read as 644, directories as
 * 755), so a valid change leaves nothing else to do.
 */
export const chmod: Program = async (io) => {
  // GNU takes `chmod -x f`, `-w,+r`… as a mode, not as options (several join with commas).
  const args = io.argv.slice(1);
  const end = args.indexOf('--');
  const isMode = (a: string, i: number) => (end < 0 || i < end) && /^-[rwxXst]/.test(a);
  const optionModes = args.filter(isMode);
  const parsed = parseArgs(args.filter((a, i) => !isMode(a, i)), 'Rvcf', '', { recursive: 'R', verbose: 'v', changes: 'c', silent: 'f', quiet: 'f' });
  if ('bad' in parsed) return invalidOption(io, 'chmod', parsed.bad);
  const [mode, ...files] = optionModes.length ? [optionModes.join(','), ...parsed.operands] : parsed.operands;
  if (mode === undefined || files.length === 0) return missingOperand(io, 'chmod', mode === undefined ? 'operand' : `operand after ‘${mode}’`);
  if (!OCTAL.test(mode) && !SYMBOLIC.test(mode)) {
    io.stderr.write(`chmod: invalid mode: ‘${mode}’\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  let status = 0;
  for (const file of files) {
    if (io.fs.exists(abs(io, file))) continue;
    if (!parsed.flags.has('f')) io.stderr.write(`chmod: cannot access '${file}': No such file or directory\n`);
    status = 1;
  }
  return status;
};
