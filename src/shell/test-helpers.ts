import type { ClusterClient } from '../cluster/client/types';
import { VirtualClock } from '../cluster/clock';
import { MemoryFileSystem } from './memory-fs';
import type { Program } from './program';
import { coreutils as defaultPrograms } from './programs/coreutils/index';
import { Shell } from './shell';
import { StringInput, StringOutput } from './streams';

/** A cluster client for shell tests: the shell never calls it, so any call is a test bug. */
export const fakeClient = new Proxy({}, {
  get: (_t, name) => () => {
    throw new Error(`fake client: ${String(name)} called`);
  },
}) as ClusterClient;

export interface TestShell {
  shell: Shell;
  fs: MemoryFileSystem;
  clock: VirtualClock;
  run(line: string, stdin?: string): Promise<{ stdout: string; stderr: string; status: number }>;
}

/** A shell on a fresh fs (/home/learner as cwd), with extra programs for the test. */
export function testShell(extra: Record<string, Program> = {}, tty = false): TestShell {
  const clock = new VirtualClock();
  const fs = new MemoryFileSystem(() => clock.now());
  fs.mkdir('/home/learner', { recursive: true });
  fs.mkdir('/tmp');
  const shell = new Shell({
    fs,
    programs: { ...defaultPrograms, ...extra },
    env: { HOME: '/home/learner', USER: 'learner', HOSTNAME: 'workstation', PATH: '/usr/local/bin:/usr/bin:/bin' },
    cwd: '/home/learner',
    client: fakeClient,
    clock,
  });
  return {
    shell,
    fs,
    clock,
    async run(line, stdin = '') {
      const stdout = new StringOutput(tty);
      const stderr = new StringOutput(tty);
      const status = await shell.run(line, { stdin: new StringInput(stdin), stdout, stderr, signal: new AbortController().signal });
      return { stdout: stdout.text, stderr: stderr.text, status };
    },
  };
}
