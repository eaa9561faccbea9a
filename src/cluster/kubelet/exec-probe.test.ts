import { describe, expect, it } from 'vitest';
import { MemoryTree } from '../storage/memory-tree';
import { contentsFor } from '../images/contents';
import { familyFor } from '../images/catalogue';
import { runExecProbe, type RedisDialer } from './exec-probe';
import type { RespReply } from '../containers/redis/types';

function tree(): MemoryTree {
  const fs = new MemoryTree(() => 0);
  fs.mkdir('/tmp', { recursive: true });
  fs.writeFile('/tmp/healthy', 'ok\n');
  return fs;
}
const busybox = contentsFor(familyFor('busybox')!, '1.36');
const debian = contentsFor(familyFor('debian')!, '12');
const redis = contentsFor(familyFor('redis')!, '7.2');

/** A server that answers every command with one reply. */
function answering(reply: RespReply): RedisDialer {
  return () => ({ protocol: 'redis', command: () => reply, closed: false, close: () => undefined });
}

describe('exec probes in the container', () => {
  it("prints busybox cat's message for a missing file, GNU cat's on Debian", () => {
    expect(runExecProbe(['cat', '/tmp/gone'], tree(), busybox, 1)).toEqual({ exitCode: 1, output: "cat: can't open '/tmp/gone': No such file or directory\n" });
    expect(runExecProbe(['cat', '/tmp/gone'], tree(), debian, 1)).toEqual({ exitCode: 1, output: 'cat: /tmp/gone: No such file or directory\n' });
  });

  it('succeeds with the file content when it exists', () => {
    expect(runExecProbe(['cat', '/tmp/healthy'], tree(), busybox, 1)).toEqual({ exitCode: 0, output: 'ok\n' });
  });

  it('runs test, [ and ls', () => {
    expect(runExecProbe(['test', '-f', '/tmp/healthy'], tree(), busybox, 1).exitCode).toBe(0);
    expect(runExecProbe(['[', '-d', '/tmp/healthy', ']'], tree(), busybox, 1).exitCode).toBe(1);
    expect(runExecProbe(['ls', '/nope'], tree(), debian, 1)).toEqual({ exitCode: 2, output: "ls: cannot access '/nope': No such file or directory\n" });
  });

  it('runs sh -c lists with &&, || and redirections', () => {
    expect(runExecProbe(['/bin/sh', '-c', 'test -f /tmp/gone || echo missing'], tree(), busybox, 1)).toEqual({ exitCode: 0, output: 'missing\n' });
    expect(runExecProbe(['sh', '-c', 'cat /tmp/gone > /dev/null 2>&1 && echo yes'], tree(), busybox, 1)).toEqual({ exitCode: 1, output: '' });
    expect(runExecProbe(['sh', '-c', 'true; exit 3'], tree(), busybox, 1)).toEqual({ exitCode: 3, output: '' });
  });

  it('times out a command that outlasts timeoutSeconds, as ExecSync reports it', () => {
    expect(runExecProbe(['sleep', '5'], tree(), busybox, 1)).toEqual({ exitCode: -1, output: 'command "sleep 5" timed out', timedOut: true });
  });

  it('takes programs kubelab does not model as healthy', () => {
    expect(runExecProbe(['mysqladmin', 'ping'], tree(), busybox, 1)).toEqual({ exitCode: 0, output: '' });
  });

  it("prints redis-cli's raw array reply one element per line", () => {
    const reply: RespReply = { type: 'array', value: [{ type: 'bulk', value: 'a' }, { type: 'bulk', value: 'b' }] };
    expect(runExecProbe(['redis-cli', 'KEYS', '*'], tree(), redis, 1, answering(reply))).toEqual({ exitCode: 0, output: 'a\nb\n' });
  });
});
