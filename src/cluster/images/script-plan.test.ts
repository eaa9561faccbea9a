import { describe, expect, it } from 'vitest';
import { planProcess } from './process';
import { familyFor } from './catalogue';

const busybox = familyFor('busybox')!;

describe('scripted container processes', () => {
  it('times the liveness tutorial script: the file appears at once, goes at 30s, the shell exits at 630s', () => {
    expect(planProcess(busybox, { args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] })).toEqual({
      kind: 'exits',
      exitCode: 0,
      afterMs: 630_000,
      stopsOnSigterm: false,
      steps: [
        { atMs: 0, op: 'touch', path: '/tmp/healthy' },
        { atMs: 30_000, op: 'rm', path: '/tmp/healthy' },
      ],
    });
  });

  it('logs echoed lines, writes redirected ones and exits with the script’s code after its sleeps', () => {
    expect(planProcess(busybox, { command: ['sh', '-c', 'echo starting; echo 1 > /tmp/a; sleep 2; exit 4'] })).toEqual({
      kind: 'exits',
      exitCode: 4,
      afterMs: 2000,
      stopsOnSigterm: false,
      steps: [
        { atMs: 0, op: 'log', path: 'starting' },
        { atMs: 0, op: 'write', path: '/tmp/a', data: '1\n' },
      ],
    });
  });

  it('runs until killed after sleep infinity, and leaves loops to the older heuristics', () => {
    expect(planProcess(busybox, { command: ['sh', '-c', 'touch /x; sleep infinity'] })).toEqual({ kind: 'runs', stopsOnSigterm: false, steps: [{ atMs: 0, op: 'touch', path: '/x' }] });
    expect(planProcess(busybox, { command: ['sh', '-c', 'while true; do sleep 1; done'] })).toEqual({ kind: 'runs', stopsOnSigterm: false });
  });
});
