import type { ClusterClient } from '../cluster/client/types';
import type { Clock } from '../cluster/clock';
import type { AndOr, Command, Pipeline, Script, SimpleCommand } from './ast';
import { BUILTINS, type Builtin } from './builtins';
import { ArithmeticError } from './arithmetic';
import { expandToString, expandWords, type ExpandContext } from './expand';
import type { FileSystem } from './fs-types';
import { parse } from './parse';
import type { Program, ProgramContext, ProgramIO, Tty } from './program';
import { applyRedirects, type StdIO } from './redirect';
import { Pipe, StringInput, StringOutput } from './streams';
import type { PortForwards } from './port-forwards';

export interface ShellOptions {
  fs: FileSystem;
  programs: Record<string, Program>;
  /** Exported variables the shell starts with. */
  env: Record<string, string>;
  cwd: string;
  client: ClusterClient;
  clock: Clock;
  fetchUrl?: (url: string) => Promise<string>;
  /** The machine's forwarded ports (the learner's workstation only). */
  portForwards?: PortForwards;
  clearScreen?: () => void;
  /** The terminal, for programs whose stdin is the terminal. */
  tty?: Tty;
  /** Shared with a parent shell when this one is a subshell. */
  history?: string[];
}

export interface RunIO extends StdIO {
  signal: AbortSignal;
}

/** Thrown by `exit`; carries the status out of nested constructs. */
export class ExitShell extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}

const FAKE_PID = 4242;

/** A bash-like interpreter: variables, cwd, history and $? for one terminal (or subshell). */
export class Shell {
  readonly fs: FileSystem;
  readonly programs: Record<string, Program>;
  readonly history: string[];
  vars = new Map<string, string>();
  exported = new Set<string>();
  cwd: string;
  lastStatus = 0;
  private nextJob = 1;
  private background = new AbortController();

  constructor(readonly options: ShellOptions) {
    this.fs = options.fs;
    this.programs = options.programs;
    this.cwd = options.cwd;
    this.history = options.history ?? [];
    for (const [k, v] of Object.entries(options.env)) this.setVar(k, v, true);
    this.setVar('PWD', this.cwd, true);
  }

  get home(): string {
    return this.vars.get('HOME') ?? '/';
  }

  setVar(name: string, value: string, exportIt = false): void {
    this.vars.set(name, value);
    if (exportIt) this.exported.add(name);
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
    this.exported.delete(name);
  }

  lookup(name: string): string | undefined {
    if (name === '?') return String(this.lastStatus);
    if (name === '$') return String(FAKE_PID);
    if (name === '#') return '0';
    if (name === '0') return 'bash';
    return this.vars.get(name);
  }

  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of [...this.exported].sort()) {
      const v = this.vars.get(name);
      if (v !== undefined) env[name] = v;
    }
    return env;
  }

  /** Builtin and program names, sorted (for `help` and completion). */
  commandNames(): string[] {
    return [...new Set([...Object.keys(BUILTINS), ...Object.keys(this.programs)])].sort();
  }

  /** A copy for `( … )` and `$( … )`: same fs and history, its own variables and cwd. */
  subshell(): Shell {
    const child = new Shell({ ...this.options, env: {}, cwd: this.cwd, history: this.history });
    child.vars = new Map(this.vars);
    child.exported = new Set(this.exported);
    child.lastStatus = this.lastStatus;
    return child;
  }

  /** Parses and runs source text; syntax errors print bash's message and give status 2. */
  async run(source: string, io: RunIO): Promise<number> {
    const parsed = parse(source);
    if (parsed.kind !== 'ok') {
      io.stderr.write(parsed.kind === 'error' ? parsed.message + '\n' : 'bash: syntax error: unexpected end of file\n');
      this.lastStatus = 2;
      return 2;
    }
    return this.runScript(parsed.script, io);
  }

  /** Stops background jobs (terminal closed). */
  stopJobs(): void {
    this.background.abort();
    this.background = new AbortController();
  }

  async runScript(script: Script, io: RunIO): Promise<number> {
    for (const item of script) {
      if (io.signal.aborted) break;
      if (item.background) {
        this.startBackground(item, io);
        continue;
      }
      this.lastStatus = await this.runAndOr(item, io);
    }
    return this.lastStatus;
  }

  private startBackground(item: AndOr, io: RunIO): void {
    const job = this.nextJob++;
    io.stderr.write(`[${job}] ${FAKE_PID + job}\n`);
    const signal = this.background.signal;
    void this.runAndOr(item, { ...io, stdin: new StringInput(''), signal }).catch(() => undefined);
    this.lastStatus = 0;
  }

  private async runAndOr(item: AndOr, io: RunIO): Promise<number> {
    let status = await this.runPipeline(item.first, io);
    for (const { op, pipeline } of item.rest) {
      if (io.signal.aborted) return status;
      if ((op === '&&') === (status === 0)) {
        this.lastStatus = status;
        status = await this.runPipeline(pipeline, io);
      }
    }
    return status;
  }

  private async runPipeline(p: Pipeline, io: RunIO): Promise<number> {
    let status: number;
    if (p.commands.length === 1) status = await this.runCommand(p.commands[0], io);
    else {
      const stages: Promise<number>[] = [];
      const upstream: AbortController[] = [];
      let stdin = io.stdin;
      for (let i = 0; i < p.commands.length; i++) {
        const last = i === p.commands.length - 1;
        const pipe = last ? undefined : new Pipe();
        const stage = new AbortController();
        const onAbort = () => stage.abort();
        io.signal.addEventListener('abort', onAbort);
        upstream.push(stage);
        const input = stdin;
        const run = this.runCommand(p.commands[i], { stdin: input, stdout: pipe ?? io.stdout, stderr: io.stderr, signal: stage.signal })
          .catch((e) => {
            if (e instanceof ExitShell) return e.status;
            throw e;
          })
          .finally(() => {
            io.signal.removeEventListener('abort', onAbort);
            pipe?.close();
            // The reader is gone: the writer feeding it stops, as with SIGPIPE.
            if (input instanceof Pipe) {
              input.breakPipe();
              upstream[i - 1]?.abort();
            }
          });
        stages.push(run);
        if (pipe) stdin = pipe;
      }
      const statuses = await Promise.all(stages);
      status = statuses[statuses.length - 1];
    }
    if (io.signal.aborted) status = 130;
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  async runCommand(cmd: Command, io: RunIO): Promise<number> {
    if (cmd.type === 'simple') return this.runSimple(cmd, io);
    const redirected = await applyRedirects(cmd.redirects, io, this.expandContext(io));
    if ('error' in redirected) {
      io.stderr.write(redirected.error + '\n');
      return 1;
    }
    const rio: RunIO = { ...redirected, signal: io.signal };
    switch (cmd.type) {
      case 'group':
        return cmd.subshell ? this.subshell().runScript(cmd.body, rio).catch(exitStatus) : this.runScript(cmd.body, rio);
      case 'for': {
        const items = cmd.items ? await expandWords(cmd.items, this.expandContext(rio)) : [];
        let status = 0;
        for (const item of items) {
          if (rio.signal.aborted) return 130;
          this.setVar(cmd.variable, item);
          status = await this.runScript(cmd.body, rio);
        }
        return status;
      }
      case 'if': {
        for (const branch of cmd.branches) {
          if ((await this.runScript(branch.condition, rio)) === 0) return this.runScript(branch.body, rio);
        }
        return cmd.otherwise ? this.runScript(cmd.otherwise, rio) : 0;
      }
      case 'while': {
        let status = 0;
        while (!rio.signal.aborted) {
          const cond = await this.runScript(cmd.condition, rio);
          if ((cond === 0) === cmd.until) break;
          status = await this.runScript(cmd.body, rio);
        }
        return rio.signal.aborted ? 130 : status;
      }
    }
  }

  private async runSimple(cmd: SimpleCommand, io: RunIO): Promise<number> {
    const ctx = this.expandContext(io);
    this.subStatus = undefined;
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      argv = await expandWords(cmd.words, ctx);
      for (const a of cmd.assigns) assigns.push([a.name, await expandToString(a.value, ctx)]);
    } catch (e) {
      if (!(e instanceof ArithmeticError)) throw e;
      io.stderr.write(`bash: ${e.message}\n`);
      return 1;
    }
    const redirected = await applyRedirects(cmd.redirects, io, ctx);
    if ('error' in redirected) {
      io.stderr.write(redirected.error + '\n');
      return 1;
    }
    if (argv.length === 0) {
      for (const [name, value] of assigns) this.setVar(name, value, this.exported.has(name));
      return this.subStatus ?? 0;
    }
    const rio: RunIO = { ...redirected, signal: io.signal };
    return this.exec(argv, rio, Object.fromEntries(assigns));
  }

  private subStatus: number | undefined;

  /** Runs one command by name: a builtin, a program from the table, or "command not found". */
  async exec(argv: string[], io: RunIO, extraEnv: Record<string, string> = {}): Promise<number> {
    const name = argv[0];
    const builtin: Builtin | undefined = BUILTINS[name];
    const program = this.programs[name];
    if (!builtin && !program) {
      if (name.includes('/')) {
        const exists = this.fs.exists(name.startsWith('/') ? name : `${this.cwd}/${name}`);
        io.stderr.write(`bash: ${name}: ${exists ? 'Permission denied' : 'No such file or directory'}\n`);
        return exists ? 126 : 127;
      }
      io.stderr.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    const pio = this.programIO(argv, io, extraEnv);
    try {
      const run = builtin ? builtin(this, pio) : program!(pio);
      return await untilAborted(run, io.signal);
    } catch (e) {
      if (e instanceof ExitShell) throw e;
      if (isAbort(e)) return 130;
      io.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  /** A program started by another program: found by name (or path basename under /bin, /usr/bin), never a builtin. */
  async runChild(argv: string[], io: RunIO, env: Record<string, string>): Promise<number | 'not-found'> {
    const name = /^\/(usr\/)?bin\/[^/]+$/.test(argv[0]) ? argv[0].slice(argv[0].lastIndexOf('/') + 1) : argv[0];
    // $SHELL -c '…' (kubectl's way to run an editor command with quotes in it).
    if ((name === 'bash' || name === 'sh') && argv[1] === '-c' && argv[2] !== undefined) return this.subshell().run(argv[2], io).catch(exitStatus);
    const program = Object.prototype.hasOwnProperty.call(this.programs, name) ? this.programs[name] : undefined;
    if (!program) return 'not-found';
    try {
      return await untilAborted(program(this.programIO([name, ...argv.slice(1)], io, env)), io.signal);
    } catch (e) {
      if (isAbort(e)) return 130;
      throw e;
    }
  }

  programIO(argv: string[], io: RunIO, extraEnv: Record<string, string> = {}): ProgramIO {
    const shell = this;
    const ctx: ProgramContext = {
      client: this.options.client,
      clock: this.options.clock,
      history: () => [...shell.history],
      clearScreen: () => shell.options.clearScreen?.(),
      commandNames: () => shell.commandNames(),
      fetchUrl: (url) => (shell.options.fetchUrl ? shell.options.fetchUrl(url) : Promise.reject(new Error(`unable to read URL "${url}"`))),
      tty: io.stdin.isTTY ? this.options.tty : undefined,
      portForwards: this.options.portForwards,
      run: (childArgv, childIO = {}) => shell.runChild(childArgv, { ...io, ...childIO }, { ...extraEnv, ...childIO.env }),
    };
    return {
      argv,
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      env: { ...this.environment(), ...extraEnv },
      cwd: this.cwd,
      fs: this.fs,
      signal: io.signal,
      sleep: (ms) => sleep(this.options.clock, ms, io.signal),
      ctx,
    };
  }

  expandContext(io: RunIO): ExpandContext {
    return {
      lookup: (name) => this.lookup(name),
      substitute: async (source) => {
        const out = new StringOutput();
        const sub = this.subshell();
        const status = await sub.run(source, { stdin: new StringInput(''), stdout: out, stderr: io.stderr, signal: io.signal }).catch(exitStatus);
        this.subStatus = status;
        this.lastStatus = status;
        return out.text.replace(/\n+$/, '');
      },
      fs: this.fs,
      cwd: this.cwd,
      home: this.home,
    };
  }
}

function exitStatus(e: unknown): number {
  if (e instanceof ExitShell) return e.status;
  throw e;
}

export function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError';
}

/** Resolves with the program's status, or 130 as soon as Ctrl-C aborts (a stuck program cannot hold the prompt). */
function untilAborted(run: Promise<number>, signal: AbortSignal): Promise<number> {
  if (signal.aborted) {
    run.catch(() => undefined);
    return Promise.resolve(130);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(130);
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(
      (status) => {
        signal.removeEventListener('abort', onAbort);
        resolve(signal.aborted ? 130 : status);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Waits in simulated time; rejects with an AbortError on Ctrl-C. */
export function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => {
      clock.clearTimer(id);
      reject(abortError());
    };
    const id = clock.setTimer(ms, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(): Error {
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}
