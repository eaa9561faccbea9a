import { VirtualClock } from './cluster/clock';
import { preloadPrograms } from './shell/programs/index';
import { preloadServers } from './cluster/containers/preload-servers';
import type { Terminal, TerminalSink } from './shell/terminal-types';
import { AnsiScreen } from './shell/ansi-screen';
import { stripAnsi } from './shell/ansi';
import { createLab, type Lab } from './worker/create-lab';
import { CommandLog, LessonEngine, kubeconfigNamespace, requireLesson, runLessonSetup, type Language, type Lesson } from './lessons/index';
import { readLessonFiles, LESSONS_DIR } from './lessons/node-loader';
import { existsSync } from 'node:fs';

/**
 * Headless sessions for tests, lesson proofs and tools (see DESIGN.md,
 * "Headless contract"): the lab on a VirtualClock, driven by typed lines.
 */
export interface SessionOptions {
  seed?: number;
  /** A lesson id (a folder of lessons/): its files are placed, its setup run, and `session.lesson` tracks its steps. */
  lesson?: string;
  /** The lesson's language (default 'en'). */
  language?: Language;
  /** Files placed in the learner's home directory (relative path → content). */
  files?: Record<string, string>;
  /** What `kubectl apply -f https://…` reads; by default there is no network and every URL fails its name lookup. */
  fetchUrl?: (url: string) => Promise<string>;
}

export interface ExecResult {
  /** What was printed between the typed line and the next prompt: no echo, no prompt, no ANSI, '\n' line ends. */
  output: string;
  exitCode: number;
  /**
   * True when the command was still running after waitMs of simulated time, or
   * when a full-screen program (nano, vi) took the line's keys and waits for more:
   * in full screen, exec types the line's characters then Enter as keys, and
   * output ends with the screen as text (rows right-trimmed, no trailing blank rows).
   */
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
  /** Present with options.lesson: the lesson, its engine (started once setup is done) and the commands typed. */
  readonly lesson?: LessonRuntime;
}

export interface LessonRuntime {
  lesson: Lesson;
  engine: LessonEngine;
  log: CommandLog;
  /** Resolves once setup ran and the engine made its first evaluation (exec waits for it by itself). */
  ready: Promise<void>;
}

const DEFAULT_WAIT_MS = 30_000;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
const SIZE = { cols: 200, rows: 50 };
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const preloaded = Promise.all([preloadPrograms(), preloadServers()]);
/** Output without ANSI sequences, with '\n' line ends; the scans are skipped when there is nothing to strip (long listings). */
function plainText(text: string): string {
  const stripped = stripAnsi(text);
  return stripped.includes('\r\n') ? stripped.replace(/\r\n/g, '\n') : stripped;
}

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

  private entry: number | undefined;
  /** What a full-screen program shows, while one runs. */
  private screen: AnsiScreen | undefined;

  constructor(
    lab: Lab,
    private clock: VirtualClock,
    private log?: CommandLog,
    private ready: Promise<void> = Promise.resolve(),
  ) {
    const sink: TerminalSink = {
      output: (text, kind) => {
        if (kind === 'prompt') this.prompts++;
        else this.buffer += text;
      },
      // A full-screen program (nano, vi) draws with echo on the alternate screen: while it
      // runs, output ends with that screen as text; once it leaves, the screen is gone as on a real terminal.
      echo: (ansi) => {
        const enter = ansi.lastIndexOf(ENTER_ALT_SCREEN);
        const leave = ansi.lastIndexOf(LEAVE_ALT_SCREEN);
        if (leave >= 0 && leave > enter) this.screen = undefined;
        else if (enter >= 0) {
          this.screen = new AnsiScreen(SIZE.cols, SIZE.rows);
          this.screen.write(ansi.slice(enter + ENTER_ALT_SCREEN.length));
        } else this.screen?.write(ansi);
      },
      clear: () => {},
    };
    this.terminal = lab.openTerminal(sink, SIZE);
  }

  async exec(line: string, options: { waitMs?: number } = {}): Promise<ExecResult> {
    // Simulated time runs whenever a command is not done after one turn, so
    // nothing it needs may still be loading from disk.
    await preloaded;
    await this.ready;
    await settle();
    this.buffer = '';
    const before = this.prompts;
    if (this.log && this.entry === undefined) this.entry = this.log.start(line);
    this.terminal.typeLine(line);
    const deadline = this.clock.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
    // A full-screen program waits for keys, not for time: exec returns once it has taken them.
    await drive(this.clock, deadline, () => this.prompts > before || this.screen !== undefined);
    const state = this.terminal.state();
    const running = this.prompts === before;
    const output = this.take();
    if (!running) this.finish(this.lastExitCode());
    return {
      output,
      exitCode: running ? 0 : this.lastExitCode(),
      running,
      prompt: running ? '' : state.prompt,
    };
  }

  async read(): Promise<string> {
    await this.ready;
    await settle();
    return this.take();
  }

  async interrupt(): Promise<string> {
    await this.ready;
    const before = this.prompts;
    this.terminal.interrupt();
    await drive(this.clock, this.clock.now(), () => this.prompts > before);
    const output = this.take();
    if (this.prompts > before) this.finish(this.lastExitCode());
    return output;
  }

  private finish(exitCode: number): void {
    if (this.log && this.entry !== undefined) this.log.finish(this.entry, exitCode);
    this.entry = undefined;
  }

  private lastExitCode(): number {
    return this.terminal.state().lastExitCode;
  }

  private take(): string {
    const printed = plainText(this.buffer);
    this.buffer = '';
    // The log keeps what the command printed, as the browser's does: a full-screen program's screen is not output.
    if (this.log && this.entry !== undefined) this.log.append(this.entry, printed);
    return printed + (this.screen?.text() ?? '');
  }
}

function loadLessonFromDisk(id: string, language: Language): Lesson {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !existsSync(`${LESSONS_DIR}${id}/lesson.yaml`)) throw new Error(`unknown lesson "${id}"`);
  return requireLesson(readLessonFiles(LESSONS_DIR, id), id, language);
}

/** Runs the lesson's setup in a terminal the learner does not see, then starts its engine. */
async function prepareLesson(lab: Lab, clock: VirtualClock, runtime: Omit<LessonRuntime, 'ready'>, namespace: () => string): Promise<void> {
  const hidden = new TerminalDriver(lab, clock);
  await runLessonSetup(runtime.lesson, {
    client: lab.cluster.client,
    namespace,
    run: (line) => hidden.exec(line),
    async waitUntil(done, timeoutMs) {
      const deadline = clock.now() + timeoutMs;
      while (!(await done())) {
        if (clock.now() >= deadline) return false;
        await drive(clock, clock.now() + 1_000, () => false);
      }
      return true;
    },
  });
  await runtime.engine.start();
}

export function createSession(options: SessionOptions = {}): Session {
  const lesson = options.lesson !== undefined ? loadLessonFromDisk(options.lesson, options.language ?? 'en') : undefined;
  const lessonFiles = Object.fromEntries((lesson?.files ?? []).map((f) => [f.path, f.content]));
  const clock = new VirtualClock();
  const lab = createLab({
    seed: options.seed ?? 1,
    clock,
    files: { ...lessonFiles, ...options.files },
    // A headless lab has no network: Go's HTTP client fails the name lookup.
    fetchUrl: options.fetchUrl ?? ((url) => Promise.reject(new Error(`Get "${url}": dial tcp: lookup ${hostOf(url)}: no such host`))),
  });
  let runtime: LessonRuntime | undefined;
  if (lesson) {
    const log = new CommandLog();
    const namespace = kubeconfigNamespace(lab.workstation.fs, lab.workstation.home);
    const engine = new LessonEngine({ lesson, client: lab.cluster.client, log, namespace });
    const partial = { lesson, engine, log };
    runtime = { ...partial, ready: prepareLesson(lab, clock, partial, namespace) };
  }
  const ready = runtime?.ready ?? Promise.resolve();
  ready.catch(() => {}); // a failed setup rejects every exec; it is not also an unhandled rejection
  const first = new TerminalDriver(lab, clock, runtime?.log, ready);
  return {
    lab,
    clock,
    lesson: runtime,
    exec: (line, o) => first.exec(line, o),
    read: () => first.read(),
    interrupt: () => first.interrupt(),
    openTerminal: () => new TerminalDriver(lab, clock, runtime?.log, ready),
    advance: async (ms) => {
      await ready;
      await drive(clock, clock.now() + ms, () => false);
    },
    close: () => {
      runtime?.engine.stop();
      lab.close();
    },
  };
}
