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
  /** Present when stdin is the terminal (`kubectl exec -it`): lets a program read lines itself. */
  tty?: Tty;
}

export interface Tty {
  columns: number;
  rows: number;
  /** Shows prompt and reads one line as typed; null on Ctrl-D at an empty line. */
  readLine(prompt: string): Promise<string | null>;
}

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
