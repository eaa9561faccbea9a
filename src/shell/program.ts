import type { PortForwards } from './port-forwards';
import type { ClusterClient } from '../cluster/client/types';
import type { Clock } from '../cluster/clock';
import type { FileSystem } from './fs-types';

/**
 * The contract every command obeys (kubectl, cat, grep, nslookup …):
 * run(io) resolves with the exit code. Programs read argv and stdin, write to
 * stdout and stderr, and stop promptly when `signal` aborts (Ctrl-C).
 */
export type Program = (io: ProgramIO) => Promise<number>;

export interface ProgramIO {
  /** argv[0] is the command name as typed. */
  argv: string[];
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The environment (exported variables). Programs may read it; only builtins change it. */
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  fs: FileSystem;
  /** Aborted by Ctrl-C; long-running programs (watches, sleep) stop and return 130. */
  signal: AbortSignal;
  /** Waits in simulated time (rejects with an AbortError when signal aborts). */
  sleep(ms: number): Promise<void>;
  /** What the workstation offers programs beyond plain IO. */
  ctx: ProgramContext;
}

export interface ProgramContext {
  client: ClusterClient;
  clock: Clock;
  /** This terminal's history, oldest first (for `history`). */
  history(): string[];
  /** Clears the terminal screen (`clear`, Ctrl-L). */
  clearScreen(): void;
  /** The command names this shell knows (for `help` and completion). */
  commandNames(): string[];
  /** Fetches a URL over the simulated network (kubectl apply -f URL); rejects with the error text a real client gives. */
  fetchUrl(url: string): Promise<string>;
  /** The learner's machine's ports held by `kubectl port-forward` (absent inside a pod). */
  portForwards?: PortForwards;
  /** Present when stdin is the terminal (`kubectl exec -it`): lets a program read lines itself. */
  tty?: Tty;
  /**
   * Runs another program of this shell (no builtins) as its child, the way
   * kubectl starts $EDITOR: same env, cwd and terminal unless `io` overrides them.
   * Resolves 'not-found' when no such program exists. Absent outside a shell.
   */
  run?(argv: string[], io?: Partial<Pick<ProgramIO, 'stdin' | 'stdout' | 'stderr' | 'env' | 'signal'>>): Promise<number | 'not-found'>;
}

export interface Tty {
  columns: number;
  rows: number;
  /**
   * Shows prompt and reads one line as typed; null on Ctrl-D at an empty line.
   * A shell reading its next command passes its `$?` so the terminal reports it (a shell inside a pod).
   * `echo: false` shows nothing of what is typed, as a password prompt does (no history, no completion).
   */
  readLine(prompt: string, options?: { lastStatus?: number; echo?: boolean }): Promise<string | null>;
  /**
   * Takes the whole terminal for a full-screen program (nano, vi): keys go to
   * it undecoded by the line editor, Ctrl-C included, on the alternate screen,
   * until release() brings back the screen as it was.
   */
  raw(): RawTty;
  /**
   * A program that reads lines and runs commands itself (a shell in a pod)
   * takes Ctrl-C for its own foreground command: while a handler is set the
   * terminal prints `^C` and calls the newest handler instead of interrupting
   * the outer command. Returns the unsubscribe.
   */
  onInterrupt(handler: () => void): () => void;
}

/** The terminal in raw mode: decoded keys in, ANSI out. */
export interface RawTty {
  /** Keys as typed; typed lines (headless) arrive as their characters then Enter. Returns the unsubscribe. */
  onKey(listener: (key: Key) => void): () => void;
  /** Writes ANSI to the screen as it is (use \r\n). */
  write(ansi: string): void;
  size(): { columns: number; rows: number };
  onResize(listener: (size: { columns: number; rows: number }) => void): () => void;
  /** Leaves raw mode and the alternate screen; the shell's prompt comes back below the command line. */
  release(): void;
}

/** A decoded key: printable text, a named key, or Ctrl with a lower-case letter (Ctrl-X is { type: 'ctrl', letter: 'x' }). */
export type Key =
  | { type: 'char'; char: string }
  | { type: 'ctrl'; letter: string }
  /** F1–F12 (browsers keep some Ctrl keys, such as Ctrl-W, for themselves; nano has F-key twins). */
  | { type: 'function'; n: number }
  | { type: 'enter' | 'backspace' | 'delete' | 'tab' | 'escape' | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'pageup' | 'pagedown' };

export interface InputStream {
  /** Next chunk, or null at end of input. */
  read(): Promise<string | null>;
  /** Everything until end of input. */
  readAll(): Promise<string>;
  readonly isTTY: boolean;
}

export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
}
