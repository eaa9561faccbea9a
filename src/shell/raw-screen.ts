import type { Key, RawTty } from './program';
import { decodeKeys } from './raw-keys';

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';

export interface RawScreenHost {
  echo(ansi: string): void;
  size(): { columns: number; rows: number };
  /** A program started listening for keys: queued input may flow now. */
  wake(): void;
  /** The program gave the terminal back. */
  released(): void;
}

/**
 * The terminal while a full-screen program holds it: the alternate screen,
 * decoded keys to the program, resize events; release() restores the screen.
 */
export class RawScreen {
  private keys = new Set<(key: Key) => void>();
  private resizes = new Set<(size: { columns: number; rows: number }) => void>();
  private active = true;
  readonly tty: RawTty;

  constructor(host: RawScreenHost) {
    host.echo(ENTER_ALTERNATE_SCREEN);
    const self = this;
    this.tty = {
      onKey(listener) {
        self.keys.add(listener);
        host.wake();
        return () => self.keys.delete(listener);
      },
      write(ansi) {
        if (self.active) host.echo(ansi);
      },
      size: () => host.size(),
      onResize(listener) {
        self.resizes.add(listener);
        return () => self.resizes.delete(listener);
      },
      release() {
        if (!self.active) return;
        self.close();
        host.echo(LEAVE_ALTERNATE_SCREEN);
        host.released();
      },
    };
  }

  /** Whether a program listens for keys (else typed keys wait in the queue). */
  get listening(): boolean {
    return this.active && this.keys.size > 0;
  }

  /** Raw input, or a typed line as its characters then Enter (headless). */
  feed(item: { key: string } | { line: string }): void {
    const keys = 'key' in item ? decodeKeys(item.key) : [...decodeKeys(item.line), { type: 'enter' } as Key];
    for (const key of keys) for (const listener of [...this.keys]) listener(key);
  }

  resize(size: { columns: number; rows: number }): void {
    for (const listener of [...this.resizes]) listener(size);
  }

  /** Stops delivering anything (the program released it, or the terminal closed). */
  close(): void {
    this.active = false;
    this.keys.clear();
    this.resizes.clear();
  }
}
