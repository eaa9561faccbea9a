import type { InputStream, OutputStream } from './program';

/** A pipe between two pipeline stages: chunks flow as they are written. */
export class Pipe implements InputStream, OutputStream {
  readonly isTTY = false;
  private chunks: string[] = [];
  private waiting: ((chunk: string | null) => void) | undefined;
  private closed = false;
  private broken = false;

  write(text: string): void {
    if (this.closed || this.broken || text === '') return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(text);
    } else this.chunks.push(text);
  }

  /** The writer is done: the reader sees end of input after the buffered chunks. */
  close(): void {
    this.closed = true;
    if (this.waiting && this.chunks.length === 0) {
      const w = this.waiting;
      this.waiting = undefined;
      w(null);
    }
  }

  /** The reader is gone: further writes are dropped (bash's SIGPIPE, without the signal). */
  breakPipe(): void {
    this.broken = true;
    this.chunks = [];
  }

  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  readAll(): Promise<string> {
    return readAll(this);
  }
}

export async function readAll(stream: Pick<InputStream, 'read'>): Promise<string> {
  let out = '';
  for (;;) {
    const chunk = await stream.read();
    if (chunk === null) return out;
    out += chunk;
  }
}

/** Input that is a fixed string (here-documents, `<` files, empty stdin). */
export class StringInput implements InputStream {
  readonly isTTY = false;
  private done = false;

  constructor(private text: string) {}

  read(): Promise<string | null> {
    if (this.done || this.text === '') return Promise.resolve(null);
    this.done = true;
    return Promise.resolve(this.text);
  }

  readAll(): Promise<string> {
    return readAll(this);
  }
}

/** Collects output in memory (command substitution, tests). */
export class StringOutput implements OutputStream {
  text = '';

  constructor(readonly isTTY = false) {}

  write(text: string): void {
    this.text += text;
  }
}

/** An output stream that forwards to a function until it is shut (after Ctrl-C, late writes vanish). */
export class ForwardOutput implements OutputStream {
  private shut = false;

  constructor(
    private target: (text: string) => void,
    readonly isTTY: boolean,
  ) {}

  write(text: string): void {
    if (!this.shut && text !== '') this.target(text);
  }

  shutdown(): void {
    this.shut = true;
  }
}

/** Reads lines from a line source (the terminal) as stdin; null ends input. */
export class LineInput implements InputStream {
  readonly isTTY = true;
  private ended = false;

  constructor(private nextLine: () => Promise<string | null>) {}

  async read(): Promise<string | null> {
    if (this.ended) return null;
    const line = await this.nextLine();
    if (line === null) {
      this.ended = true;
      return null;
    }
    return line + '\n';
  }

  readAll(): Promise<string> {
    return readAll(this);
  }
}
