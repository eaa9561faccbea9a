import type { ProgramIO } from './program';
import { resolvePath } from './path';
import { programDescriptions } from './programs/descriptions';
import { xargs } from './programs/coreutils/xargs';
import { ExitShell, type Shell } from './shell';
import { StringInput } from './streams';
import { runEcho } from './programs/coreutils/echo';

/** Builtins run inside the shell: they may change its variables, cwd and history. */
export type Builtin = (shell: Shell, io: ProgramIO) => Promise<number>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const BUILTIN_DESCRIPTIONS: Record<string, string> = {
  cd: 'change the working directory',
  echo: 'print arguments',
  exit: 'exit the shell',
  export: 'set an environment variable for commands',
  help: 'list the available commands',
  history: 'show the commands typed in this terminal',
  pwd: 'print the working directory',
  type: 'tell how a command name is interpreted',
  unset: 'remove a variable',
  clear: 'clear the terminal screen',
  true: 'do nothing, successfully',
  ':': 'do nothing, successfully',
  false: 'do nothing, unsuccessfully',
  which: 'show the full path of a command',
  xargs: 'build command lines from standard input',
  bash: 'run a shell script or command string',
  sh: 'run a shell script or command string',
};

export const BUILTINS: Record<string, Builtin> = {
  async cd(shell, io) {
    const args = io.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
    if (args.length > 1) return fail(io, 'bash: cd: too many arguments');
    let target = args[0] ?? shell.lookup('HOME') ?? '/';
    let print = false;
    if (target === '-') {
      const old = shell.lookup('OLDPWD');
      if (old === undefined) return fail(io, 'bash: cd: OLDPWD not set');
      target = old;
      print = true;
    }
    const path = resolvePath(shell.cwd, target);
    if (!shell.fs.exists(path)) return fail(io, `bash: cd: ${target}: No such file or directory`);
    if (shell.fs.stat(path).type !== 'dir') return fail(io, `bash: cd: ${target}: Not a directory`);
    shell.setVar('OLDPWD', shell.cwd, true);
    shell.cwd = path;
    shell.setVar('PWD', path, true);
    if (print) io.stdout.write(path + '\n');
    return 0;
  },
  async pwd(shell, io) {
    io.stdout.write(shell.cwd + '\n');
    return 0;
  },
  async echo(_shell, io) {
    return runEcho(io);
  },
  async export(shell, io) {
    const args = io.argv.slice(1).filter((a) => a !== '-p');
    if (args.length === 0) {
      for (const [k, v] of Object.entries(shell.environment())) io.stdout.write(`declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        io.stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (eq >= 0) shell.setVar(name, arg.slice(eq + 1), true);
      else shell.exported.add(name);
    }
    return status;
  },
  async unset(shell, io) {
    for (const name of io.argv.slice(1).filter((a) => a !== '-v')) shell.unsetVar(name);
    return 0;
  },
  async exit(shell, io) {
    const arg = io.argv[1];
    if (arg !== undefined && !/^-?\d+$/.test(arg)) {
      io.stderr.write(`bash: exit: ${arg}: numeric argument required\n`);
      throw new ExitShell(2);
    }
    throw new ExitShell(arg === undefined ? shell.lastStatus : ((Number(arg) % 256) + 256) % 256);
  },
  async history(shell, io) {
    if (io.argv[1] === '-c') {
      shell.history.length = 0;
      return 0;
    }
    const count = io.argv[1] === undefined ? shell.history.length : Number(io.argv[1]);
    if (!Number.isInteger(count) || count < 0) return fail(io, `bash: history: ${io.argv[1]}: numeric argument required`);
    const start = Math.max(0, shell.history.length - count);
    for (let i = start; i < shell.history.length; i++) io.stdout.write(`${String(i + 1).padStart(5)}  ${shell.history[i]}\n`);
    return 0;
  },
  async help(shell, io) {
    const names = shell.commandNames();
    const width = Math.max(...names.map((n) => n.length)) + 2;
    io.stdout.write('Available commands:\n');
    for (const name of names) {
      const description = BUILTIN_DESCRIPTIONS[name] ?? programDescriptions[name] ?? '';
      io.stdout.write(`  ${name.padEnd(width)}${description}`.trimEnd() + '\n');
    }
    return 0;
  },
  async clear(_shell, io) {
    io.ctx.clearScreen();
    return 0;
  },
  async true() {
    return 0;
  },
  async ':'() {
    return 0;
  },
  async false() {
    return 1;
  },
  async type(shell, io) {
    let status = 0;
    for (const name of io.argv.slice(1)) {
      if (BUILTINS[name] && !['xargs', 'bash', 'sh', 'which', 'clear'].includes(name)) io.stdout.write(`${name} is a shell builtin\n`);
      else if (shell.programs[name] || BUILTINS[name]) io.stdout.write(`${name} is ${commandPath(name)}\n`);
      else {
        io.stderr.write(`bash: type: ${name}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  async which(shell, io) {
    let status = 0;
    for (const name of io.argv.slice(1)) {
      if (shell.programs[name] || ['xargs', 'bash', 'sh', 'which', 'clear', 'echo', 'pwd', 'true', 'false'].includes(name)) io.stdout.write(commandPath(name) + '\n');
      else status = 1;
    }
    return status;
  },
  async xargs(shell, io) {
    return xargs(io, (argv, stdout) =>
      shell.exec(argv, { stdin: new StringInput(''), stdout, stderr: io.stderr, signal: io.signal }),
    );
  },
  bash: runShell,
  sh: runShell,
};

/** `bash -c '…'` and `bash script.sh`: a child shell with the same fs and programs. */
async function runShell(shell: Shell, io: ProgramIO): Promise<number> {
  const args = io.argv.slice(1);
  const child = shell.subshell();
  for (const [k, v] of Object.entries(io.env)) child.setVar(k, v, true);
  const rio = { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, signal: io.signal };
  let source: string;
  if (args[0] === '-c') {
    if (args[1] === undefined) return fail(io, `${io.argv[0]}: -c: option requires an argument`, 2);
    source = args[1];
  } else if (args[0] !== undefined) {
    const path = resolvePath(shell.cwd, args[0]);
    if (!shell.fs.exists(path)) return fail(io, `${io.argv[0]}: ${args[0]}: No such file or directory`, 127);
    source = shell.fs.readFile(path);
  } else source = await io.stdin.readAll();
  try {
    return await child.run(source, rio);
  } catch (e) {
    if (e instanceof ExitShell) return e.status;
    throw e;
  }
}

function commandPath(name: string): string {
  return name === 'kubectl' ? '/usr/local/bin/kubectl' : `/usr/bin/${name}`;
}

function fail(io: ProgramIO, message: string, status = 1): number {
  io.stderr.write(message + '\n');
  return status;
}
