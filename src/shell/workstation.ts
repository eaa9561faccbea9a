import type { FileSystem } from './fs-types';
import { resolvePath, dirname } from './path';
import { programs } from './programs/index';
import { contextNamespace, DEFAULT_KUBECONFIG, readKubeconfig } from './programs/kubectl/kubeconfig';
import { completeKubectl } from './programs/kubectl/complete';
import { Shell } from './shell';
import { createTerminal } from './terminal';
import type { Terminal, TerminalSink, WorkstationOptions } from './terminal-types';

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

  // Names complete in the kubeconfig's namespace unless the line says -n; contexts come from the same file.
  const completeWithKubeconfig: typeof completeKubectl = (words, current, ctx) => {
    let config;
    try {
      config = readKubeconfig(fs, `${home}/.kube/config`);
    } catch {
      return completeKubectl(words, current, ctx);
    }
    const contexts = config.contexts.map((c) => c.name);
    return completeKubectl(words, current, { client: ctx.client, namespace: contextNamespace(config), contexts });
  };

  return {
    fs,
    home,
    openTerminal(sink, size) {
      return createTerminal({
        sink,
        size,
        newShell: ({ tty, clearScreen, history }) =>
          new Shell({ fs, programs, env, cwd: home, client: options.client, clock: options.clock, fetchUrl: options.fetchUrl, clearScreen, tty, history }),
        completion: { fs, client: options.client, completeKubectl: completeWithKubeconfig },
      });
    },
  };
}
