/** kubectl exec (pkg/cmd/exec): run a command in a container, or an interactive shell with -it. */
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError, SilentExit } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { attachToContainer, ExecFailure } from '../../../pod/attach';
import { podForTarget, chooseContainer } from './pod-target';

const USAGE_HINT = "\nSee 'kubectl exec -h' for help and examples";

export const execCommand: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  long: `Execute a command in a container.

Examples:
  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date

  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date

  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il`,
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  async run(inv: Invocation, flags: Flags) {
    const args = flags.args;
    const atDash = flags.argsLenAtDash;
    if (atDash === -1 && args.length > 1) throw new KubectlError(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead${USAGE_HINT}`);
    const target = atDash !== 0 ? args[0] : undefined;
    const command = atDash > -1 ? args.slice(atDash) : [];
    if (!target) throw new KubectlError(`pod, type/name or --filename must be specified${USAGE_HINT}`);
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    const pod: KubeObject = await podForTarget(inv, target);
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = chooseContainer(inv, pod, flags.string('container') || undefined, flags.bool('quiet'));
    try {
      const code = await attachToContainer(inv.client, inv.io, {
        namespace: pod.metadata.namespace ?? inv.namespace,
        pod: pod.metadata.name!,
        container,
        command,
        stdin: flags.bool('stdin'),
        tty: flags.bool('tty'),
      });
      if (code !== 0) throw new SilentExit(code);
      return 0;
    } catch (e) {
      if (e instanceof ExecFailure) throw new KubectlError(e.message);
      throw e;
    }
  },
};
