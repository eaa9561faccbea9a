/**
 * A process started in a container by `kubectl exec`/`kubectl run`: the
 * learner's shell and coreutils running against the container's files, with
 * its hostname, environment and the image's programs and prompt.
 */
import type { ContainerSession } from '../../cluster/client/types';
import type { ProgramIO } from '../program';
import { ExitShell, Shell, type RunIO } from '../shell';
import { podPrograms, programDir } from './programs';

export type ContainerProcessResult = { status: number } | { notFound: string };

/** The prompt the image's shell shows: ash `\w # `, Debian root `root@\h:\w# `, plain bash `\s-\v# `. */
export function podPrompt(session: ContainerSession, shell: Shell): string {
  const home = shell.lookup('HOME') ?? '/root';
  const cwd = shell.cwd === home ? '~' : shell.cwd.startsWith(home + '/') ? '~' + shell.cwd.slice(home.length) : shell.cwd;
  switch (session.contents.prompt) {
    case 'ash':
      return `${cwd} # `;
    case 'debian':
      return `root@${session.hostname}:${cwd}# `;
    default:
      return `bash-${session.contents.bashVersion ?? '5.0'}# `;
  }
}

function isShell(session: ContainerSession, command: string): string | undefined {
  const base = command.slice(command.lastIndexOf('/') + 1);
  if (!session.contents.shells.includes(base)) return undefined;
  if (command.includes('/') && command !== `/bin/${base}` && command !== `/usr/bin/${base}`) return undefined;
  return base;
}

/** Runs argv in the container; a command the image lacks is reported for kubectl to print the runtime's error. */
export async function runInContainer(session: ContainerSession, argv: string[], io: ProgramIO, interactive: boolean): Promise<ContainerProcessResult> {
  const env: Record<string, string> = { ...session.env };
  if (interactive && io.ctx.tty) env.TERM = 'xterm';
  const shell = new Shell({
    fs: session.fs,
    programs: podPrograms(session),
    env,
    cwd: session.workingDir,
    client: io.ctx.client,
    clock: io.ctx.clock,
    tty: io.ctx.tty,
    clearScreen: () => io.ctx.clearScreen(),
  });
  const rio: RunIO = { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, signal: io.signal };
  const shellName = isShell(session, argv[0]);
  const run = async (source: string) => shell.run(source, rio).catch((e) => (e instanceof ExitShell ? e.status : Promise.reject(e)));
  if (shellName) {
    if (argv[1] === '-c') {
      if (argv[2] === undefined) {
        io.stderr.write(`${shellName}: -c: option requires an argument\n`);
        return { status: 2 };
      }
      return { status: await run(argv[2]) };
    }
    if (!io.ctx.tty || !interactive) return { status: await run(await io.stdin.readAll()) };
    return { status: await interactiveLoop(session, shell, rio, shellName) };
  }
  const name = argv[0];
  const programs = shell.programs;
  const found = Object.prototype.hasOwnProperty.call(programs, name) || (!name.includes('/') && Object.prototype.hasOwnProperty.call(programs, `${programDir(session)}/${name}`));
  // echo, true, test … are also programs in /bin of every image with a userland; here the shell's builtins play them.
  const standalone = !found && session.contents.shells.length > 0 ? standaloneBuiltin(name) : undefined;
  if (!found && !standalone) return { notFound: name };
  const command = standalone ? [standalone, ...argv.slice(1)] : argv;
  return { status: await shell.exec(command, rio).catch((e) => (e instanceof ExitShell ? e.status : Promise.reject(e))) };
}

/** Shell builtins that coreutils and busybox also ship as executables, by bare name or /bin, /usr/bin path. */
const STANDALONE = ['echo', 'true', 'false', 'test', '[', 'pwd', 'kill'];

function standaloneBuiltin(command: string): string | undefined {
  const base = command.slice(command.lastIndexOf('/') + 1);
  if (command.includes('/') && command !== `/bin/${base}` && command !== `/usr/bin/${base}`) return undefined;
  return STANDALONE.includes(base) ? base : undefined;
}

async function interactiveLoop(session: ContainerSession, shell: Shell, io: RunIO, shellName: string): Promise<number> {
  const tty = shell.options.tty!;
  for (;;) {
    const line = await tty.readLine(podPrompt(session, shell), { lastStatus: shell.lastStatus });
    if (line === null) {
      // bash says `exit` on Ctrl-D; ash just ends the line.
      io.stdout.write(shellName === 'bash' ? 'exit\n' : '\n');
      return shell.lastStatus;
    }
    if (line.trim() === '') continue;
    // Ctrl-C stops this command only; the shell goes back to its prompt.
    const command = new AbortController();
    const stopCommand = () => command.abort();
    io.signal.addEventListener('abort', stopCommand, { once: true });
    const offInterrupt = tty.onInterrupt(stopCommand);
    try {
      await shell.run(line, { ...io, signal: command.signal });
    } catch (e) {
      if (!(e instanceof ExitShell)) throw e;
      // An interactive bash announces its exit.
      if (shellName === 'bash') io.stderr.write('exit\n');
      return e.status;
    } finally {
      offInterrupt();
      io.signal.removeEventListener('abort', stopCommand);
    }
    if (io.signal.aborted) return 130;
    if (command.signal.aborted) shell.lastStatus = 130;
  }
}
