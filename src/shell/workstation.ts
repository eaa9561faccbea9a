import type { FileSystem } from './fs-types';
import { resolvePath, dirname } from './path';
import { preloadPrograms, programs } from './programs/index';
import { DEFAULT_KUBECONFIG } from './programs/kubectl/default-kubeconfig';
import { PortForwards } from './port-forwards';
import { Shell } from './shell';
import { createTerminal } from './terminal';
import type { CompletionContext } from './completion';
import type { Terminal, TerminalSink, WorkstationOptions } from './terminal-types';

type CompleteKubectl = CompletionContext['completeKubectl'];

export interface Workstation {
  fs: FileSystem;
  home: string;
  openTerminal(sink: TerminalSink, size: { cols: number; rows: number }): Terminal;
}

const USER = 'learner';
const HOSTNAME = 'workstation';

/** The learner's machine: a home directory with the lesson files and a kubeconfig, and terminals on it. */
export function createWorkstation(options: WorkstationOptions): Workstation {
  const { fs } = options;
  const home = `/home/${USER}`;
  fs.mkdir(home, { recursive: true });
  fs.mkdir('/tmp', { recursive: true });
  for (const [relative, content] of Object.entries(options.files ?? {})) {
    const path = resolvePath(home, relative);
    fs.mkdir(dirname(path), { recursive: true });
    fs.writeFile(path, content);
  }
  fs.mkdir(`${home}/.kube`, { recursive: true });
  if (!fs.exists(`${home}/.kube/config`)) fs.writeFile(`${home}/.kube/config`, DEFAULT_KUBECONFIG);

  const env = {
    HOME: home,
    USER,
    LOGNAME: USER,
    PATH: '/usr/local/bin:/usr/bin:/bin',
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    HOSTNAME,
    LANG: 'C.UTF-8',
  };

  // kubectl's completion loads with kubectl, on first use; it reads the shared kubeconfig itself.
  const completeKubectl: CompleteKubectl = async (words, current, ctx) => {
    await preloadPrograms();
    return (await import('./programs/kubectl/complete')).completeKubectlWithKubeconfig(words, current, { ...ctx, fs, home });
  };

  const portForwards = new PortForwards();

  return {
    fs,
    home,
    openTerminal(sink, size) {
      return createTerminal({
        sink,
        size,
        newShell: ({ tty, clearScreen, history }) =>
          new Shell({ fs, programs, env, cwd: home, client: options.client, clock: options.clock, fetchUrl: options.fetchUrl, portForwards, clearScreen, tty, history }),
        completion: { fs, client: options.client, completeKubectl },
      });
    },
  };
}
