/** Runs kubectl against a real simulated cluster with an in-memory home directory (tests only). */
import { parse } from 'shell-quote';
import { VirtualClock } from '../../../../cluster/clock';
import { createCluster, type Cluster } from '../../../../cluster/cluster';
import { MemoryFileSystem } from '../../../memory-fs';
import type { ProgramIO } from '../../../program';
import { kubectl } from '../index';
import { DEFAULT_KUBECONFIG } from '../kubeconfig';

export interface Lab {
  cluster: Cluster;
  clock: VirtualClock;
  fs: MemoryFileSystem;
  urls: Record<string, string>;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function createLab(seed = 1): Lab {
  const clock = new VirtualClock();
  const cluster = createCluster({ seed, clock });
  const fs = new MemoryFileSystem(() => clock.now());
  fs.mkdir('/root/.kube', { recursive: true });
  fs.writeFile('/root/.kube/config', DEFAULT_KUBECONFIG);
  return { cluster, clock, fs, urls: {} };
}

export function writeFiles(lab: Lab, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) lab.fs.writeFile(`/root/${name}`, text);
}

function argvOf(line: string): string[] {
  return parse(line).map((t) => (typeof t === 'string' ? t : 'op' in t ? t.op : String(t)));
}

export interface RunOptions {
  stdin?: string;
  signal?: AbortSignal;
  /** Called once kubectl has started, to drive time or abort. */
  during?: () => Promise<void> | void;
}

export async function run(lab: Lab, line: string, options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let stdinText: string | null = options.stdin ?? '';
  const controller = new AbortController();
  const signal = options.signal ?? controller.signal;
  const io: ProgramIO = {
    argv: argvOf(line),
    stdin: {
      read: async () => {
        const t = stdinText;
        stdinText = null;
        return t;
      },
      readAll: async () => options.stdin ?? '',
      isTTY: false,
    },
    stdout: { write: (t) => (stdout += t), isTTY: false },
    stderr: { write: (t) => (stderr += t), isTTY: false },
    env: { HOME: '/root' },
    cwd: '/root',
    fs: lab.fs,
    signal,
    sleep: (ms) =>
      new Promise((resolve) => {
        lab.clock.setTimer(ms, resolve);
      }),
    ctx: {
      client: lab.cluster.client,
      clock: lab.clock,
      history: () => [],
      clearScreen: () => {},
      commandNames: () => [],
      fetchUrl: async (url) => {
        const text = lab.urls[url];
        if (text === undefined) throw new Error(`Get ${JSON.stringify(url)}: dial tcp: lookup ${new URL(url).hostname}: no such host`);
        return text;
      },
    },
  };
  const running = kubectl(io);
  if (options.during) await options.during();
  const code = await running;
  return { stdout, stderr, code };
}

/** Lets pending promise callbacks (watch events) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}
