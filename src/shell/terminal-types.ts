import type { ClusterClient } from '../cluster/client/types';
import type { Clock } from '../cluster/clock';
import type { FileSystem } from './fs-types';

/**
 * Where a terminal's text goes. Program output and prompts are plain text
 * with '\n' line ends; `echo` is the line editor's own rendering (typed keys,
 * cursor moves, redraws, as ANSI), which is not part of what a command printed.
 */
export interface TerminalSink {
  output(text: string, kind: 'stdout' | 'stderr' | 'prompt'): void;
  echo(ansi: string): void;
  clear(): void;
}

/** One terminal on the workstation: a line editor in front of a bash-like shell. */
export interface Terminal {
  /** Raw input as xterm delivers it: keys, escape sequences, pasted text (lines run one by one). */
  input(data: string): void;
  /** Types a whole line and Enter, as a person would, without rendering the echo (headless use). */
  typeLine(line: string): void;
  /** Ctrl-C: cancels the line being edited or interrupts the foreground command. */
  interrupt(): void;
  resize(cols: number, rows: number): void;
  /** Whether the terminal is showing a prompt and waiting for a line, and which prompt. */
  state(): TerminalState;
  /** Called whenever the state changes (a command starts, a prompt appears). */
  onStateChange(listener: (state: TerminalState) => void): () => void;
  /** Called as each command line read at the shell's prompt starts, prints and ends (the lesson engine's command log). */
  onCommand(listener: (event: CommandEvent) => void): () => void;
  close(): void;
}

/** One command line's life: typed at the shell prompt, its stdout/stderr text as printed, its exit status. */
export type CommandEvent =
  | { type: 'start'; line: string }
  | { type: 'output'; text: string }
  | { type: 'end'; exitCode: number };

export interface TerminalState {
  awaitingInput: boolean;
  /** The prompt showing now ('$ ', '/ # ', 'root@web-0:/# '), '' while a command runs. */
  prompt: string;
  /** The exit status of the last command line the terminal ran (what `echo $?` prints). */
  lastExitCode: number;
}

/** What the terminals of one lab share: the cluster, the clock, the home directory's files. */
export interface WorkstationOptions {
  client: ClusterClient;
  clock: Clock;
  fs: FileSystem;
  /** Files to place in the home directory (relative paths → content). */
  files?: Record<string, string>;
  /** Fetches a URL for `kubectl apply -f URL`; rejects with the error text a real client prints. */
  fetchUrl?: (url: string) => Promise<string>;
}
