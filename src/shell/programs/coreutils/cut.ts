import type { Program } from '../../program';
import { inputs, parseArgs, splitLines } from './common';

/** cut -f LIST [-d DELIM] [-s] | -c LIST: GNU's list syntax (1,3 2- -3). */
export const cut: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 's', 'dfcb', { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' });
  if ('bad' in parsed) {
    io.stderr.write(`cut: invalid option -- '${parsed.bad.replace(/^-+/, '')}'\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const fieldList = parsed.values.get('f');
  const charList = parsed.values.get('c') ?? parsed.values.get('b');
  if (!fieldList && !charList) {
    io.stderr.write("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const delim = parsed.values.get('d') ?? '\t';
  if ([...delim].length !== 1) {
    io.stderr.write("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const ranges = parseList((fieldList ?? charList)!);
  if (!ranges) {
    io.stderr.write(`cut: invalid field value ‘${fieldList ?? charList}’\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const want = (n: number) => ranges.some(([a, b]) => n >= a && n <= b);
  let status = 0;
  for await (const input of inputs(io, 'cut', parsed.operands)) {
    if ('error' in input) {
      io.stderr.write(input.error + '\n');
      status = 1;
      continue;
    }
    let out = '';
    for (const line of splitLines(input.text)) {
      if (charList) {
        out += [...line].filter((_, i) => want(i + 1)).join('') + '\n';
        continue;
      }
      if (!line.includes(delim)) {
        if (!parsed.flags.has('s')) out += line + '\n';
        continue;
      }
      out += line.split(delim).filter((_, i) => want(i + 1)).join(delim) + '\n';
    }
    io.stdout.write(out);
  }
  return status;
};

function parseList(list: string): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    if (a < 1) return undefined;
    ranges.push([a, b]);
  }
  return ranges;
}
