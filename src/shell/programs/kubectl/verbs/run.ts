/** kubectl run (pkg/cmd/run): create a pod; with -it attach to it, with --rm delete it afterwards. */
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError, SilentExit } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { PODS } from './pod-target';
import { attachToContainer, ExecFailure } from '../../../pod/attach';


function podFor(inv: Invocation, flags: Flags, name: string, rest: string[]): KubeObject {
  const restart = flags.string('restart') || 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}`);
  const labels: Record<string, string> = {};
  for (const kv of (flags.string('labels') || `run=${name}`).split(',')) {
    const [k, v = ''] = kv.split('=');
    labels[k] = v;
  }
  const container: Record<string, unknown> = { name, image: flags.string('image'), resources: {} };
  if (rest.length) container[flags.bool('command') ? 'command' : 'args'] = rest;
  const env = flags.list('env').map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) }));
  if (env.length) container.env = env;
  if (flags.string('port')) container.ports = [{ containerPort: Number(flags.string('port')) }];
  if (flags.bool('stdin')) Object.assign(container, { stdin: true, stdinOnce: true });
  if (flags.bool('tty')) container.tty = true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: inv.namespace, labels },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
  };
}

async function waitRunning(inv: Invocation, name: string): Promise<KubeObject> {
  for (let waited = 0; waited <= 60_000; waited += 500) {
    const pod = await inv.client.get(PODS, inv.namespace, name);
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Running' || phase === 'Succeeded' || phase === 'Failed') return pod;
    await inv.io.sleep(500);
  }
  throw new KubectlError('timed out waiting for the condition');
}

/** ContainerStatuses[0].State.Terminated, read before --rm deletes the pod. */
async function terminatedState(inv: Invocation, name: string): Promise<{ reason?: string; message?: string } | undefined> {
  const pod = await inv.client.get(PODS, inv.namespace, name).catch(() => undefined);
  const statuses = (pod?.status as { containerStatuses?: Array<{ state?: { terminated?: { reason?: string; message?: string } } }> } | undefined)?.containerStatuses;
  return statuses?.[0]?.state?.terminated;
}

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  long: `Create and run a particular image in a pod.

Examples:
  # Start a nginx pod
  kubectl run nginx --image=nginx

  # Start a busybox pod and keep it in the foreground, don't restart it if it exits
  kubectl run -i -t busybox --image=busybox --restart=Never`,
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'attach', type: 'bool', usage: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'If true, suppress prompt messages.' },
  ],
  async run(inv: Invocation, flags: Flags) {
    const [name, ...rest] = flags.args;
    if (!name) throw new KubectlError("NAME is required for run\nSee 'kubectl run -h' for help and examples");
    if (!flags.string('image')) throw new KubectlError('--image is required');
    const attach = flags.bool('stdin') || flags.bool('attach');
    if (flags.bool('rm') && !attach) throw new KubectlError('--rm should only be used for attached containers');
    await inv.client.create(PODS, podFor(inv, flags, name, rest));
    if (!attach) {
      inv.out(`pod/${name} created\n`);
      return 0;
    }
    const pod = await waitRunning(inv, name);
    const restart = flags.string('restart') || 'Always';
    let code = 0;
    let terminated: { reason?: string; message?: string } | undefined;
    try {
      if (flags.bool('tty') && flags.bool('stdin') && !flags.bool('quiet')) inv.err("If you don't see a command prompt, try pressing enter.\n");
      const spec = (pod.spec as { containers: Array<{ command?: string[]; args?: string[] }> }).containers[0];
      const command = [...(spec.command ?? []), ...(spec.args ?? [])];
      const session = await inv.client.exec(inv.namespace, name);
      const argv = command.length ? command : [session.contents.shells.includes('sh') ? 'sh' : 'bash'];
      code = await attachToContainer(inv.client, inv.io, { namespace: inv.namespace, pod: name, command: argv, stdin: flags.bool('stdin'), tty: flags.bool('tty'), reportExit: false });
      if (code !== 0 && code !== 130 && restart !== 'Always') terminated = await terminatedState(inv, name);
    } catch (e) {
      if (e instanceof ExecFailure) throw new KubectlError(e.message);
      throw e;
    } finally {
      if (flags.bool('rm')) {
        await inv.client.delete(PODS, inv.namespace, name).catch(() => undefined);
        inv.out(`pod "${name}" deleted\n`);
      }
    }
    // run.go waits for the exit code only when the pod does not restart, and reports a failed
    // pod as a CodeExitError: "pod NS/NAME terminated (REASON)" and its message, with the code.
    if (code === 0 || code === 130 || restart === 'Always') return 0;
    const text = `pod ${inv.namespace}/${name} terminated (${terminated?.reason ?? 'Error'})\n${terminated?.message ?? ''}`;
    inv.err(text.endsWith('\n') ? text : `${text}\n`);
    throw new SilentExit(code);
  },
};
