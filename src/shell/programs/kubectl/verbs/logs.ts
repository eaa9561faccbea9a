/** kubectl logs (pkg/cmd/logs): what a container's main process printed. */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { chooseContainer, podForTarget } from './pod-target';

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.

Examples:
  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx`,
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display.' },
  ],
  async run(inv: Invocation, flags: Flags) {
    const target = flags.args[0];
    if (!target) throw new KubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    const pod = await podForTarget(inv, target);
    const container = chooseContainer(inv, pod, flags.string('container') || undefined, false);
    const full = await inv.client.logs(pod.metadata.namespace ?? inv.namespace, pod.metadata.name!, container);
    let text = full;
    const tail = flags.int('tail');
    if (tail >= 0) text = text.split('\n').slice(0, -1).slice(-tail || Infinity).map((l) => l + '\n').join('').slice(0, tail === 0 ? 0 : undefined);
    inv.out(text);
    if (flags.bool('follow')) return follow(inv, pod.metadata.namespace ?? inv.namespace, pod.metadata.name!, container, full.length);
    return 0;
  },
};

const POLL_MS = 1_000;

/** -f: prints lines as the container writes them until Ctrl-C, or until the pod or its container is gone. */
async function follow(inv: Invocation, namespace: string, pod: string, container: string | undefined, printed: number): Promise<number> {
  const { io } = inv;
  let seen = printed;
  for (;;) {
    try {
      await io.sleep(POLL_MS);
    } catch {
      return 130;
    }
    let text: string;
    try {
      text = await inv.client.logs(namespace, pod, container);
    } catch {
      return 0;
    }
    // A shorter log is a new container under the same name: this one's stream has ended.
    if (text.length < seen) return 0;
    if (text.length > seen) inv.out(text.slice(seen));
    seen = text.length;
  }
}
