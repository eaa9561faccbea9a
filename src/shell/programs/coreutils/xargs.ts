import type { OutputStream, ProgramIO } from '../../program';

type Run = (argv: string[], stdout: OutputStream) => Promise<number>;

/** GNU xargs: -n N, -I STR, -r; items are blank-separated with quotes honoured. Exit 123 when a command failed. */
export async function xargs(io: ProgramIO, run: Run): Promise<number> {
  const args = io.argv.slice(1);
  let maxArgs: number | undefined;
  let replace: string | undefined;
  let noRunIfEmpty = false;
  while (args.length > 0 && args[0].startsWith('-')) {
    const a = args.shift()!;
    if (a === '-n') maxArgs = Number(args.shift());
    else if (/^-n\d+$/.test(a)) maxArgs = Number(a.slice(2));
    else if (a === '-I') replace = args.shift();
    else if (a.startsWith('-I')) replace = a.slice(2);
    else if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '--') break;
    else {
      io.stderr.write(`xargs: invalid option -- '${a.slice(1)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
      return 1;
    }
  }
  const command = args.length > 0 ? args : ['echo'];
  const input = await io.stdin.readAll();
  let status = 0;
  const runOne = async (argv: string[]) => {
    const code = await run(argv, io.stdout);
    if (code === 127) {
      status = 127;
      return;
    }
    if (code !== 0 && status === 0) status = 123;
  };
  if (replace !== undefined) {
    for (const line of input.split('\n')) {
      const item = line.trim();
      if (item === '') continue;
      await runOne(command.map((c) => c.split(replace!).join(item)));
      if (io.signal.aborted) return 130;
    }
    return status;
  }
  const items = splitItems(input);
  if (items === undefined) {
    io.stderr.write("xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n");
    return 1;
  }
  if (items.length === 0) {
    if (!noRunIfEmpty) await runOne(command);
    return status;
  }
  const size = maxArgs && maxArgs > 0 ? maxArgs : items.length;
  for (let i = 0; i < items.length; i += size) {
    await runOne([...command, ...items.slice(i, i + size)]);
    if (io.signal.aborted) return 130;
  }
  return status;
}

function splitItems(input: string): string[] | undefined {
  const items: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '"' || c === "'") {
      const end = input.indexOf(c, i + 1);
      if (end < 0) return undefined;
      cur += input.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === '\\' && i + 1 < input.length) {
      cur += input[++i];
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) items.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) items.push(cur);
  return items;
}
