/**
 * What the learner typed and what it printed, in order, across all terminals.
 * The worker (or a headless session) feeds it; checks read it.
 */
export interface CommandRecord {
  readonly index: number;
  readonly line: string;
  /** Everything the command printed so far (stdout and stderr, no ANSI). */
  output: string;
  /** Undefined while the command still runs. */
  exitCode?: number;
}

export class CommandLog {
  private entries: CommandRecord[] = [];
  private listeners = new Set<() => void>();

  /** Records a typed command line; returns its index for append/finish. */
  start(line: string): number {
    const index = this.entries.length;
    this.entries.push({ index, line, output: '' });
    this.changed();
    return index;
  }

  append(index: number, text: string): void {
    const entry = this.entries[index];
    if (!entry || text === '') return;
    entry.output += text;
    this.changed();
  }

  finish(index: number, exitCode: number): void {
    const entry = this.entries[index];
    if (!entry) return;
    entry.exitCode = exitCode;
    this.changed();
  }

  /** Every record from `from` on (the number of records when a step began). */
  since(from: number): readonly CommandRecord[] {
    return this.entries.slice(from);
  }

  get length(): number {
    return this.entries.length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
