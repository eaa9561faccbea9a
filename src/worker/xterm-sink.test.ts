import { describe, it, expect } from 'vitest';
import { CLEAR_SCREEN, createXtermSink, toCrLf } from './xterm-sink';

/** A sink whose microtasks run only when the test says so. */
function manualSink() {
  const sent: string[] = [];
  const tasks: Array<() => void> = [];
  const sink = createXtermSink((d) => sent.push(d), (t) => tasks.push(t));
  const runTasks = () => {
    while (tasks.length) tasks.shift()!();
  };
  return { sink, sent, tasks, runTasks };
}

describe('toCrLf', () => {
  it('turns every LF into CR LF', () => {
    expect(toCrLf('a\nb\n\nc')).toBe('a\r\nb\r\n\r\nc');
  });
  it('leaves CR LF that is already there alone', () => {
    expect(toCrLf('a\r\nb\n')).toBe('a\r\nb\r\n');
  });
});

describe('createXtermSink', () => {
  it('converts program output line ends to CR LF for stdout and stderr', () => {
    const { sink, sent, runTasks } = manualSink();
    sink.output('NAME   STATUS\nweb-0  Running\n', 'stdout');
    sink.output('Error from server (NotFound): pods "x" not found\n', 'stderr');
    runTasks();
    expect(sent).toEqual([
      'NAME   STATUS\r\nweb-0  Running\r\nError from server (NotFound): pods "x" not found\r\n',
    ]);
  });

  it('passes prompts and line-editor echo through unchanged', () => {
    const { sink, sent, runTasks } = manualSink();
    sink.output('$ ', 'prompt');
    sink.echo('k\x1b[K\b\x1b[1C');
    runTasks();
    expect(sent).toEqual(['$ k\x1b[K\b\x1b[1C']);
  });

  it('clears the screen and the scrollback with one escape sequence, in order with other output', () => {
    const { sink, sent, runTasks } = manualSink();
    sink.output('before\n', 'stdout');
    sink.clear();
    sink.output('$ ', 'prompt');
    runTasks();
    expect(CLEAR_SCREEN).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(sent).toEqual(['before\r\n\x1b[H\x1b[2J\x1b[3J$ ']);
  });

  it('sends everything written in one turn as a single message', () => {
    const { sink, sent, tasks, runTasks } = manualSink();
    sink.output('a\n', 'stdout');
    sink.output('b\n', 'stdout');
    sink.echo('c');
    expect(tasks.length).toBe(1);
    expect(sent).toEqual([]);
    runTasks();
    sink.output('d\n', 'stdout');
    runTasks();
    expect(sent).toEqual(['a\r\nb\r\nc', 'd\r\n']);
  });

  it('sends nothing for empty writes', () => {
    const { sink, sent, tasks, runTasks } = manualSink();
    sink.output('', 'stdout');
    sink.echo('');
    runTasks();
    expect(tasks.length).toBe(0);
    expect(sent).toEqual([]);
  });

  it('flush sends the buffer at once and leaves the scheduled task nothing to send', () => {
    const { sink, sent, runTasks } = manualSink();
    sink.output('x\n', 'stdout');
    sink.flush();
    expect(sent).toEqual(['x\r\n']);
    runTasks();
    expect(sent).toEqual(['x\r\n']);
  });

  it('batches with the real microtask queue by default', async () => {
    const sent: string[] = [];
    const sink = createXtermSink((d) => sent.push(d));
    sink.output('one\n', 'stdout');
    sink.output('two\n', 'stdout');
    expect(sent).toEqual([]);
    await Promise.resolve();
    expect(sent).toEqual(['one\r\ntwo\r\n']);
  });
});
