import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../cluster/clock';
import { MemoryFileSystem } from './memory-fs';
import type { Key, Program } from './program';
import { coreutils } from './programs/coreutils/index';
import { Shell } from './shell';
import { createTerminal } from './terminal';
import { fakeClient } from './test-helpers';

const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

/** A full-screen program that logs keys and leaves on q. */
const keylog: Program = (io) => {
  const raw = io.ctx.tty!.raw();
  const seen: Key[] = [];
  raw.write('drawn');
  return new Promise((resolve) => {
    const off = raw.onKey((key) => {
      seen.push(key);
      if (key.type === 'char' && key.char === 'q') {
        off();
        raw.release();
        io.stdout.write(JSON.stringify(seen) + '\n');
        resolve(0);
      }
    });
  });
};

/** Runs its arguments as a child program and prints what run() resolved. */
const parent: Program = async (io) => {
  const status = await io.ctx.run!(io.argv.slice(1));
  io.stdout.write(`child: ${status}\n`);
  return 0;
};

/** Reads a line, then "runs" it until its own Ctrl-C handler fires. */
const miniShell: Program = async (io) => {
  const tty = io.ctx.tty!;
  await tty.readLine('inner> ');
  const inner = new AbortController();
  const off = tty.onInterrupt(() => inner.abort());
  await new Promise<void>((resolve) => (inner.signal.aborted ? resolve() : inner.signal.addEventListener('abort', () => resolve())));
  off();
  io.stdout.write('inner stopped\n');
  await tty.readLine('inner> ');
  return 0;
};

/** Asks for a password without echo and says how long it was. */
const askPass: Program = async (io) => {
  const typed = await io.ctx.tty!.readLine('Password: ', { echo: false });
  io.stdout.write(`got ${typed?.length} characters\n`);
  return 0;
};

function open() {
  const clock = new VirtualClock();
  const fs = new MemoryFileSystem(() => clock.now());
  fs.mkdir('/home/learner', { recursive: true });
  const log: string[] = [];
  const programs = { ...coreutils, keylog, parent, 'mini-shell': miniShell, askpass: askPass };
  const terminal = createTerminal({
    sink: { output: (t, kind) => log.push(kind === 'prompt' ? `<${t}>` : t), echo: (a) => a && log.push(`{${a}}`), clear: () => log.push('<clear>') },
    size: { cols: 80, rows: 24 },
    newShell: ({ tty, clearScreen, history }) =>
      new Shell({ fs, programs, env: { HOME: '/home/learner' }, cwd: '/home/learner', client: fakeClient, clock, tty, clearScreen, history }),
    completion: { fs, client: fakeClient, completeKubectl: async () => [] },
  });
  return {
    terminal,
    take() {
      const out = log.join('');
      log.length = 0;
      return out;
    },
  };
}

describe('terminal raw mode', () => {
  it('gives a full-screen program decoded keys on the alternate screen, Ctrl-C included, then shows the prompt again', async () => {
    const t = open();
    await settle();
    t.terminal.typeLine('keylog');
    await settle();
    expect(t.terminal.state()).toEqual({ awaitingInput: false, prompt: '', lastExitCode: 0 });
    t.terminal.input('a\x03\x1b[A\r');
    await settle();
    t.terminal.input('q');
    await settle();
    expect(t.take()).toBe(
      '<$ >{\x1b[?1049h\x1b[H\x1b[2J}{drawn}{\x1b[?1049l}' +
        '[{"type":"char","char":"a"},{"type":"ctrl","letter":"c"},{"type":"up"},{"type":"enter"},{"type":"char","char":"q"}]\n<$ >',
    );
    expect(t.terminal.state()).toEqual({ awaitingInput: true, prompt: '$ ', lastExitCode: 0 });
  });

  it('types a line as its characters then Enter while a full-screen program runs', async () => {
    const t = open();
    await settle();
    t.terminal.typeLine('keylog');
    await settle();
    t.terminal.typeLine('hi');
    t.terminal.typeLine('q');
    await settle();
    expect(t.take()).toBe(
      '<$ >{\x1b[?1049h\x1b[H\x1b[2J}{drawn}{\x1b[?1049l}' +
        '[{"type":"char","char":"h"},{"type":"char","char":"i"},{"type":"enter"},{"type":"char","char":"q"}]\n<$ >',
    );
  });

  it('lets a program run another program of the shell, and says when there is none', async () => {
    const t = open();
    await settle();
    t.terminal.typeLine('parent seq 2');
    await settle();
    t.terminal.typeLine('parent no-such-program');
    await settle();
    t.terminal.typeLine("parent /bin/bash -c 'echo quoted; exit 3'");
    await settle();
    expect(t.take()).toBe('<$ >1\n2\nchild: 0\n<$ >child: not-found\n<$ >quoted\nchild: 3\n<$ >');
  });

  it('gives Ctrl-C to the handler of a program running its own command instead of stopping the program', async () => {
    const t = open();
    await settle();
    t.terminal.typeLine('mini-shell');
    await settle();
    t.terminal.typeLine('sleep');
    await settle();
    t.terminal.interrupt();
    await settle();
    expect(t.take()).toBe('<$ ><inner> >^C\ninner stopped\n<inner> >');
    t.terminal.interrupt();
    await settle();
    expect(t.take()).toBe('{^C\r\n}<inner> >');
  });

  it('shows nothing typed at a hidden prompt, not even through Tab completion, and keeps it out of history', async () => {
    const t = open();
    await settle();
    t.terminal.typeLine('askpass');
    await settle();
    t.terminal.input('se\tcr\x7fret\r');
    await settle();
    expect(t.take()).toBe('<$ ><Password: >{\r\n}got 6 characters\n<$ >');
    t.terminal.input('\x1b[A');
    await settle();
    // Up recalls the command before it: the password never went into history.
    expect(t.take()).toBe('{\r$ askpass\x1b[J}');
  });

  it('draws no line break of its own when a hidden line reaches the terminal width', async () => {
    const t = open();
    await settle();
    t.terminal.typeLine('askpass');
    await settle();
    // 'Password: ' and 70 characters fill the 80 columns exactly.
    t.terminal.input('x'.repeat(70) + '\r');
    await settle();
    expect(t.take()).toBe('<$ ><Password: >{\r\n}got 70 characters\n<$ >');
  });
});
