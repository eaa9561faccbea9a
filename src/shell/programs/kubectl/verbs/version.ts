/** kubectl version: client, kustomize and server versions. */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { toYaml } from '../output/yaml';

const CLIENT = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T18:04:20Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};
const KUSTOMIZE = 'v5.5.0';

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  long: `Print the client and server version information for the current context.

Examples:
  # Print the client and server versions for the current context
  kubectl version`,
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  async run(inv, flags) {
    const output = flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError('--output must be \'yaml\' or \'json\'');
    const info: Record<string, unknown> = { clientVersion: CLIENT, kustomizeVersion: KUSTOMIZE };
    if (!flags.bool('client')) info.serverVersion = inv.client.version();
    if (output === 'yaml') inv.out(toYaml(info));
    else if (output === 'json') inv.out(JSON.stringify(info, null, 2) + '\n');
    else {
      let text = `Client Version: ${CLIENT.gitVersion}\nKustomize Version: ${KUSTOMIZE}\n`;
      if (info.serverVersion) text += `Server Version: ${inv.client.version().gitVersion}\n`;
      inv.out(text);
    }
    return 0;
  },
};
