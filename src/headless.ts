import { VirtualClock } from './cluster/clock';
import { preloadPrograms } from './shell/programs/index';
import type { Terminal, TerminalSink } from './shell/terminal-types';
import { createLab, type Lab } from './worker/create-lab';

/**
 * Headless sessions for tests, lesson proofs and tools (see DESIGN.md,
 * "Headless contract"): the lab on a VirtualClock, driven by typed lines.
 */
export interface SessionOptions {
  seed?: number;
  lesson?: string;
  /** Files placed in the learner's home directory (relative path → content). */
  files?: Record<string, string>;
}

export interface ExecResult {
  /** What was printed between the typed line and the next prompt: no echo, no prompt, no ANSI, '\n' line ends. */
  output: string;
  exitCode: number;
  /** True when the command was still running after waitMs of simulated time. */
  running: boolean;
  /** The prompt showing now ('$ ', '/ # ', '> '), '' while a command runs. */
  prompt: string;
}

export interface HeadlessTerminal {
  exec(line: string, options?: { waitMs?: number }): Promise<ExecResult>;
  read(): Promise<string>;
  interrupt(): Promise<string>;
}

export interface Session extends HeadlessTerminal {
  openTerminal(): HeadlessTerminal;
  advance(ms: number): Promise<void>;
  close(): void;
  readonly lab: Lab;
  readonly clock: VirtualClock;
}

const DEFAULT_WAIT_MS = 30_000;
const preloaded = preloadPrograms();
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]/g;

/** Lets every queued promise continuation run (the core uses no host timers). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs simulated time forward, firing timers one by one and settling after each, until done() or the deadline. */
async function drive(clock: VirtualClock, deadline: number, done: () => boolean): Promise<void> {
  await settle();
  while (!done()) {
    if (!clock.fireNext(deadline)) {
      if (clock.now() < deadline) clock.advance(deadline - clock.now());
      await settle();
      return;
    }
    await settle();
  }
}

class TerminalDriver implements HeadlessTerminal {
  private buffer = '';
  private prompts = 0;
  private terminal: Terminal;

  constructor(
    lab: Lab,
    private clock: VirtualClock,
  ) {
    const sink: TerminalSink = {
      output: (text, kind) => {
        if (kind === 'prompt') this.prompts++;
        else this.buffer += text;
      },
      echo: () => {},
      clear: () => {},
    };
    this.terminal = lab.openTerminal(sink, { cols: 200, rows: 50 });
  }

  async exec(line: string, options: { waitMs?: number } = {}): Promise<ExecResult> {
    // Simulated time runs whenever a command is not done after one turn, so
    // nothing it needs may still be loading from disk.
    await preloaded;
    await settle();
    this.buffer = '';
    const before = this.prompts;
    this.terminal.typeLine(line);
    const deadline = this.clock.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
    await drive(this.clock, deadline, () => this.prompts > before);
    const state = this.terminal.state();
    const running = this.prompts === before;
    return {
      output: this.take(),
      exitCode: running ? 0 : this.lastExitCode(),
      running,
      prompt: running ? '' : state.prompt,
    };
  }

  async read(): Promise<string> {
    await settle();
    return this.take();
  }

  async interrupt(): Promise<string> {
    const before = this.prompts;
    this.terminal.interrupt();
    await drive(this.clock, this.clock.now(), () => this.prompts > before);
    return this.take();
  }

  private lastExitCode(): number {
    return this.terminal.state().lastExitCode;
  }

  private take(): string {
    const out = this.buffer.replace(ANSI, '').replace(/\r\n/g, '\n');
    this.buffer = '';
    return out;
  }
}

export function createSession(options: SessionOptions = {}): Session {
  if (options.lesson !== undefined) throw new Error(`unknown lesson "${options.lesson}"`);
  const clock = new VirtualClock();
  const lab = createLab({
    seed: options.seed ?? 1,
    clock,
    files: options.files,
    fetchUrl: (url) => Promise.reject(new Error(`unable to read URL "${url}": the network is not available`)),
  });
  const first = new TerminalDriver(lab, clock);
  return {
    lab,
    clock,
    exec: (line, o) => first.exec(line, o),
    read: () => first.read(),
    interrupt: () => first.interrupt(),
    openTerminal: () => new TerminalDriver(lab, clock),
    advance: (ms) => drive(clock, clock.now() + ms, () => false),
    close: () => lab.close(),
  };
}
