import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../cluster/clock';
import { MemoryFileSystem } from './memory-fs';
import { coreutils } from './programs/coreutils/index';
import { Shell } from './shell';
import { createTerminal } from './terminal';
import type { Terminal } from './terminal-types';
import { fakeClient } from './test-helpers';

const settle = () => new Promise((r) => setImmediate(r));

function open(completeKubectl = async (): Promise<string[]> => []) {
  const clock = new VirtualClock();
  const fs = new MemoryFileSystem(() => clock.now());
  fs.mkdir('/home/learner', { recursive: true });
  const log: string[] = [];
  const echo: string[] = [];
  const terminal: Terminal = createTerminal({
    sink: { output: (t, kind) => log.push(kind === 'prompt' ? `<${t}>` : t), echo: (a) => echo.push(a), clear: () => log.push('<clear>') },
    size: { cols: 80, rows: 24 },
    newShell: ({ tty, clearScreen, history }) =>
      new Shell({ fs, programs: coreutils, env: { HOME: '/home/learner' }, cwd: '/home/learner', client: fakeClient, clock, tty, clearScreen, history }),
    completion: { fs, client: fakeClient, completeKubectl },
  });
  return {
    terminal, fs, clock, echo,
    async type(line: string) {
      terminal.typeLine(line);
      await settle();
      await settle();
    },
    async keys(data: string) {
      terminal.input(data);
      await settle();
      await settle();
    },
    take() {
      const out = log.join('');
      log.length = 0;
      return out;
    },
  };
}

describe('terminal', () => {
  it('reports each command line typed at the prompt with its output and exit status', async () => {
    const t = open();
    const events: unknown[] = [];
    t.terminal.onCommand((e) => events.push(e));
    await settle();
    await t.type('echo hello');
    await t.type('cat missing');
    expect(events).toEqual([
      { type: 'start', line: 'echo hello' },
      { type: 'output', text: 'hello\n' },
      { type: 'end', exitCode: 0 },
      { type: 'start', line: 'cat missing' },
      { type: 'output', text: 'cat: missing: No such file or directory\n' },
      { type: 'end', exitCode: 1 },
    ]);
  });

  it('shows the prompt, runs a typed line and shows the prompt again', async () => {
    const t = open();
    await settle();
    await t.type('echo hello');
    expect(t.take()).toBe('<$ >hello\n<$ >');
    expect(t.terminal.state()).toEqual({ awaitingInput: true, prompt: '$ ', lastExitCode: 0 });
  });

  it('asks for heredoc lines with the continuation prompt', async () => {
    const t = open();
    await settle();
    await t.type('cat <<EOF | grep b');
    await t.type('a');
    await t.type('b');
    await t.type('EOF');
    expect(t.take()).toBe('<$ ><> ><> ><> >b\n<$ >');
  });

  it('continues an unterminated quote and a trailing pipe', async () => {
    const t = open();
    await settle();
    await t.type('echo "a');
    await t.type('b" |');
    await t.type('cat');
    expect(t.take()).toBe('<$ ><> ><> >a\nb\n<$ >');
  });

  it('interrupts sleep with Ctrl-C: ^C, a new prompt, status 130', async () => {
    const t = open();
    await settle();
    await t.type('sleep 100');
    expect(t.terminal.state().awaitingInput).toBe(false);
    t.clock.advance(5000);
    await settle();
    t.terminal.interrupt();
    await settle();
    await settle();
    await t.type('echo $?');
    expect(t.take()).toBe('<$ >^C\n<$ >130\n<$ >');
  });

  it('lets sleep finish in virtual time', async () => {
    const t = open();
    await settle();
    await t.type('sleep 2; echo done');
    t.clock.advance(2000);
    await settle();
    await settle();
    expect(t.take()).toBe('<$ >done\n<$ >');
  });

  it('queues lines typed while a command runs and runs them after', async () => {
    const t = open();
    await settle();
    await t.type('sleep 1');
    await t.type('echo later');
    expect(t.take()).toBe('<$ >');
    t.clock.advance(1000);
    await settle();
    await settle();
    await settle();
    expect(t.take()).toBe('<$ >later\n<$ >');
  });

  it('runs pasted text line by line, echoing the keys', async () => {
    const t = open();
    await settle();
    await t.keys('echo a\recho b\r');
    expect(t.take()).toBe('<$ >a\n<$ >b\n<$ >');
    expect(t.echo.join('')).toBe('echo a\r\necho b\r\n');
  });

  it('cancels the edited line with Ctrl-C', async () => {
    const t = open();
    await settle();
    await t.keys('echo nope\x03');
    await t.type('echo $?');
    expect(t.echo.join('')).toBe('echo nope^C\r\n');
    expect(t.take()).toBe('<$ ><$ >130\n<$ >');
  });

  it('prints history in bash format', async () => {
    const t = open();
    await settle();
    await t.type('echo one');
    await t.type('history');
    expect(t.take()).toBe('<$ >one\n<$ >    1  echo one\n    2  history\n<$ >');
  });

  it('recalls history with Up and keeps the edited line', async () => {
    const t = open();
    await settle();
    await t.type('echo first');
    t.take();
    await t.keys('\x1b[A\r');
    expect(t.take()).toBe('first\n<$ >');
  });

  it('starts a fresh shell after a top-level exit', async () => {
    const t = open();
    await settle();
    await t.type('cd /; exit 3');
    await t.type('pwd');
    expect(t.take()).toBe('<$ ><$ >/home/learner\n<$ >');
  });

  it('lets a program read stdin from the terminal until Ctrl-D', async () => {
    const t = open();
    await settle();
    await t.type('cat');
    await t.keys('hi\r');
    await t.keys('\x04');
    expect(t.take()).toBe('<$ >hi\n<$ >');
  });

  it('rings the bell on an ambiguous first Tab and lists the candidates on the second', async () => {
    const t = open();
    await settle();
    await t.keys('wh\t');
    await t.keys('\t');
    expect(t.echo.join('')).toBe('wh\x07\r\nwhich  whoami\r\n$ wh\x1b[J');
  });

  it('completes a command name and then a path', async () => {
    const t = open();
    await settle();
    t.fs.mkdir('/home/learner/manifests');
    await t.keys('whoa\x7f\t');
    await t.keys('man\t');
    expect(t.echo.join('')).toBe('whoa\r$ who\x1b[J\r$ whoami \x1b[Jman\r$ whoami manifests/\x1b[J');
  });
});
