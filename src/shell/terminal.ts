import { complete, type CompletionContext } from './completion';
import { LineEditor, splitKeys } from './line-editor';
import { parse } from './parse';
import type { Tty } from './program';
import { RawScreen } from './raw-screen';
import { ExitShell, type Shell } from './shell';
import { ForwardOutput, LineInput } from './streams';
import type { CommandEvent, Terminal, TerminalSink, TerminalState } from './terminal-types';

const INTERRUPTED = Symbol('interrupted');
type ReadResult = string | null | typeof INTERRUPTED;

/** command: the shell's own prompt; program: a program's tty.readLine; stdin: a program reading the terminal. */
type ReadMode = 'command' | 'program' | 'stdin';

interface PendingRead {
  prompt: string;
  mode: ReadMode;
  eofAllowed: boolean;
  /** Nothing typed is shown (a password). */
  hidden: boolean;
  editor: LineEditor;
  resolve: (result: ReadResult) => void;
}

type QueueItem = { key: string } | { line: string };

export interface TerminalOptions {
  sink: TerminalSink;
  size: { cols: number; rows: number };
  /** Makes the shell for this terminal (again after a top-level `exit`). */
  newShell: (session: { tty: Tty; clearScreen: () => void; history: string[] }) => Shell;
  completion: Omit<CompletionContext, 'cwd' | 'commandNames' | 'home'>;
}

/**
 * A terminal: a line editor in front of a shell. Keys typed while a command
 * runs wait in a queue (typeahead), except Ctrl-C, which interrupts at once.
 */
export function createTerminal(options: TerminalOptions): Terminal {
  const { sink } = options;
  let cols = options.size.cols;
  let rows = options.size.rows;
  let reader: PendingRead | undefined;
  let queue: QueueItem[] = [];
  let pumping = false;
  let closed = false;
  const foreground: (() => void)[] = [];
  // Ctrl-C handlers of programs running their own foreground commands (a shell in a pod), newest last.
  const interruptHandlers: (() => void)[] = [];
  let screen: RawScreen | undefined;
  const listeners = new Set<(state: TerminalState) => void>();
  const commandListeners = new Set<(event: CommandEvent) => void>();
  // Output belongs to a command only while it runs (a background job printing later does not).
  let commandRunning = false;
  const emitCommand = (event: CommandEvent) => {
    if (event.type === 'output' && (!commandRunning || event.text === '')) return;
    for (const l of commandListeners) l(event);
  };
  const history: string[] = [];

  // `$?` of a shell reading through the tty (a shell in a pod), reported while its prompt shows.
  let programStatus: number | undefined;
  const lastExitCode = () => (reader?.mode === 'program' && programStatus !== undefined ? programStatus : shell.lastStatus);
  const state = (): TerminalState =>
    reader && reader.mode !== 'stdin'
      ? { awaitingInput: true, prompt: reader.prompt, lastExitCode: lastExitCode() }
      : { awaitingInput: false, prompt: '', lastExitCode: lastExitCode() };
  const notify = () => {
    const s = state();
    for (const l of listeners) l(s);
  };

  const tty: Tty = {
    get columns() {
      return cols;
    },
    get rows() {
      return rows;
    },
    async readLine(prompt, readOptions) {
      programStatus = readOptions?.lastStatus;
      const r = await read(prompt, 'program', true, readOptions?.echo === false);
      return r === INTERRUPTED ? null : r;
    },
    raw() {
      if (screen) throw new Error('the terminal is already in raw mode');
      const created = new RawScreen({
        echo: (ansi) => sink.echo(ansi),
        size: () => ({ columns: cols, rows }),
        wake: () => void pump(),
        released: () => {
          if (screen === created) screen = undefined;
          notify();
          void pump();
        },
      });
      screen = created;
      notify();
      return created.tty;
    },
    onInterrupt(handler) {
      interruptHandlers.push(handler);
      return () => {
        const i = interruptHandlers.lastIndexOf(handler);
        if (i >= 0) interruptHandlers.splice(i, 1);
      };
    },
  };

  function read(prompt: string, mode: ReadMode, eofAllowed: boolean, hidden = false): Promise<ReadResult> {
    if (closed) return new Promise(() => undefined);
    if (prompt !== '') sink.output(prompt, 'prompt');
    return new Promise((resolve) => {
      const editor = newEditor(prompt, mode, hidden);
      reader = { prompt, mode, eofAllowed, hidden, editor, resolve };
      notify();
      void pump();
    });
  }

  /** A hidden read's editor draws nothing; handleKey shows the line's end (Enter, ^C). */
  function newEditor(prompt: string, mode: ReadMode, hidden: boolean): LineEditor {
    const echo = hidden ? () => {} : (s: string) => sink.echo(s);
    return new LineEditor(prompt, cols, echo, mode === 'stdin' || hidden ? [] : history);
  }

  function finish(result: ReadResult): void {
    const r = reader!;
    reader = undefined;
    notify();
    r.resolve(result);
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while ((reader || screen?.listening) && queue.length > 0) {
        const item = queue.shift()!;
        if (!reader) {
          screen?.feed(item);
          continue;
        }
        if ('line' in item) {
          finish(item.line);
          continue;
        }
        await handleKey(reader, item.key);
      }
    } finally {
      pumping = false;
    }
  }

  async function handleKey(r: PendingRead, key: string): Promise<void> {
    const action = r.editor.feed(key);
    if (r.hidden && action.type === 'submit') sink.echo('\r\n');
    if (r.hidden && action.type === 'interrupt') sink.echo('^C\r\n');
    switch (action.type) {
      case 'submit':
        finish(action.line);
        return;
      case 'eof':
        if (r.eofAllowed) finish(null);
        return;
      case 'interrupt':
        if (r.mode === 'command') finish(INTERRUPTED);
        else if (r.mode === 'program') {
          sink.output(r.prompt, 'prompt');
          r.editor = newEditor(r.prompt, r.mode, r.hidden);
        } else {
          finish(null);
          interruptForeground(false);
        }
        return;
      case 'clear':
        sink.clear();
        r.editor.redrawFresh();
        return;
      case 'complete': {
        if (r.hidden) return;
        const shellNow = shell;
        const result = await complete(r.editor.beforeCursor, {
          ...options.completion,
          cwd: shellNow.cwd,
          home: shellNow.home,
          commandNames: shellNow.commandNames(),
        }).catch(() => ({ start: 0, candidates: [] as string[] }));
        if (reader === r) r.editor.complete(result.start, result.candidates);
        return;
      }
    }
  }

  function interruptForeground(echo = true): void {
    queue = [];
    const handler = interruptHandlers[interruptHandlers.length - 1];
    if (handler) {
      sink.output('^C\n', 'stdout');
      handler();
      return;
    }
    const top = foreground[foreground.length - 1];
    if (top) top();
    else if (echo) sink.echo('^C');
  }

  const clearScreen = () => sink.clear();
  const newShell = () => options.newShell({ tty, clearScreen, history });
  let shell = newShell();

  async function runLine(text: string): Promise<void> {
    const controller = new AbortController();
    const stdout = new ForwardOutput((t) => {
      sink.output(t, 'stdout');
      emitCommand({ type: 'output', text: t });
    }, true);
    const stderr = new ForwardOutput((t) => {
      sink.output(t, 'stderr');
      emitCommand({ type: 'output', text: t });
    }, true);
    const stop = () => {
      stdout.shutdown();
      stderr.shutdown();
      sink.output('^C\n', 'stdout');
      controller.abort();
    };
    foreground.push(stop);
    try {
      const stdin = new LineInput(async () => {
        const r = await read('', 'stdin', true);
        return r === INTERRUPTED ? null : r;
      });
      await shell.run(text, { stdin, stdout, stderr, signal: controller.signal });
      if (controller.signal.aborted) shell.lastStatus = 130;
    } catch (e) {
      if (!(e instanceof ExitShell)) {
        sink.output(`bash: ${e instanceof Error ? e.message : String(e)}\n`, 'stderr');
        shell.lastStatus = 1;
      } else {
        // A top-level `exit` starts a fresh login shell in the same terminal.
        shell.stopJobs();
        shell = newShell();
      }
    } finally {
      foreground.splice(foreground.indexOf(stop), 1);
    }
  }

  /** Reads a complete command (continuation lines with `> `), or undefined when cancelled. */
  async function readCommand(): Promise<string | undefined> {
    const first = await read('$ ', 'command', false);
    if (first === INTERRUPTED || first === null) {
      if (first === INTERRUPTED) shell.lastStatus = 130;
      return undefined;
    }
    let text = first;
    while (parse(text).kind === 'incomplete') {
      const more = await read('> ', 'command', true);
      if (more === INTERRUPTED) {
        shell.lastStatus = 130;
        return undefined;
      }
      if (more === null) {
        sink.output('bash: syntax error: unexpected end of file\n', 'stderr');
        shell.lastStatus = 2;
        return undefined;
      }
      text += '\n' + more;
    }
    return text;
  }

  async function loop(): Promise<void> {
    while (!closed) {
      const text = await readCommand();
      if (text === undefined || text.trim() === '') continue;
      // Debian's default HISTCONTROL=ignoreboth: no duplicates in a row, none starting with a space.
      if (!text.startsWith(' ') && history[history.length - 1] !== text) history.push(text);
      emitCommand({ type: 'start', line: text });
      commandRunning = true;
      await runLine(text);
      commandRunning = false;
      emitCommand({ type: 'end', exitCode: shell.lastStatus });
    }
  }

  const terminal: Terminal = {
    input(data) {
      for (const key of splitKeys(data)) {
        if (key === '\x03' && !reader && !screen && !pumping) interruptForeground();
        else queue.push({ key });
      }
      void pump();
    },
    typeLine(line) {
      for (const l of line.split('\n')) queue.push({ line: l });
      void pump();
    },
    interrupt() {
      terminal.input('\x03');
    },
    resize(c, r) {
      cols = Math.max(1, c);
      rows = r;
      reader?.editor.resize(cols);
      screen?.resize({ columns: cols, rows });
    },
    state,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
    close() {
      closed = true;
      screen?.close();
      commandListeners.clear();
      shell.stopJobs();
      for (const stop of [...foreground]) stop();
      listeners.clear();
    },
  };

  void loop();
  return terminal;
}
