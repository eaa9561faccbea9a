/**
 * kubectl port-forward (pkg/cmd/portforward): holds local ports of the
 * learner's machine and carries each connection to a port of the pod, until
 * Ctrl-C or until the pod goes away. `curl localhost:PORT` in another terminal
 * reaches the pod through it.
 */
import type { KubeObject } from '../../../../cluster/api/types';
import type { ForwardTarget } from '../../../port-forwards';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { isAbort } from '../../../shell';
import { parseResourceArgs, resolveTypeArg, typeOf } from '../resources/mapping';
import { PODS, podForTarget } from './pod-target';
import { watchObjectUntil } from './watch-object';

const USAGE_HINT = "See 'kubectl port-forward -h' for help and examples";

type Obj = Record<string, any>;

/** splitPort: `LOCAL:REMOTE`, `REMOTE` (both the same) or `:REMOTE` (any free local port). */
function splitPort(spec: string): [local: string, remote: string] {
  const parts = spec.split(':');
  return parts.length === 1 ? [parts[0], parts[0]] : [parts[0], parts[1]];
}

function containerPortByName(pod: KubeObject, name: string): number {
  for (const c of ((pod.spec as Obj)?.containers ?? []) as Obj[]) for (const p of (c.ports ?? []) as Obj[]) if (p.name === name) return p.containerPort;
  throw new KubectlError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** util.LookupContainerPortNumberByServicePort. */
function containerPortForServicePort(svc: KubeObject, pod: KubeObject, port: number): number {
  for (const sp of ((svc.spec as Obj)?.ports ?? []) as Obj[]) {
    if (sp.port !== port) continue;
    if ((svc.spec as Obj).clusterIP === 'None') return port;
    if (sp.targetPort === undefined || sp.targetPort === 0) return sp.port;
    if (typeof sp.targetPort === 'number') return sp.targetPort;
    return containerPortByName(pod, String(sp.targetPort));
  }
  throw new KubectlError(`Service ${svc.metadata.name} does not have a service port ${port}`);
}

/** The pod's port for each argument: named pod ports, or a Service's ports translated to its targets. */
function podPorts(specs: string[], pod: KubeObject, svc: KubeObject | undefined): Array<{ local: string; remote: number }> {
  return specs.map((spec) => {
    const [local, remote] = splitPort(spec);
    if (remote === '') throw new KubectlError('remote port cannot be empty');
    if (svc) {
      let port = Number(remote);
      if (!/^\d+$/.test(remote)) {
        const named = ((svc.spec as Obj)?.ports ?? []).find((p: Obj) => p.name === remote);
        if (!named) throw new KubectlError(`Service '${svc.metadata.name}' does not have a named port '${remote}'`);
        port = named.port;
      }
      return { local: local === remote ? String(port) : local, remote: containerPortForServicePort(svc, pod, port) };
    }
    return { local: local === remote && !/^\d+$/.test(remote) ? String(containerPortByName(pod, remote)) : local, remote: /^\d+$/.test(remote) ? Number(remote) : containerPortByName(pod, remote) };
  });
}

function addressesOf(flags: Flags): string[] {
  const out: string[] = [];
  for (const a of flags.list('address')) {
    if (a === 'localhost') out.push('127.0.0.1', '[::1]');
    else out.push(a.includes(':') ? `[${a}]` : a);
  }
  return out;
}

async function runPortForward(inv: Invocation, flags: Flags): Promise<number> {
  if (flags.args.length < 2) throw new KubectlError(`TYPE/NAME and list of ports are required for port-forward\n${USAGE_HINT}`);
  const forwards = inv.io.ctx.portForwards;
  if (!forwards) throw new KubectlError('port-forward is only available on the learner\'s machine');
  const [target, ...specs] = flags.args;
  // A Service's ports translate to its pods' target ports; any other TYPE/NAME selects a pod.
  const [named] = target.includes('/') ? parseResourceArgs(inv.discovery(), [target]) : [];
  const svc = named?.info.kind === 'Service' ? await inv.client.get(typeOf(named.info), inv.namespace, named.name!) : undefined;
  const found = await podForTarget(inv, target);
  const ports = podPorts(specs, found, svc);
  const pod = await inv.client.get(PODS, inv.namespace, found.metadata.name!);
  const phase = (pod.status as Obj | undefined)?.phase ?? '';
  if (phase !== 'Running') throw new KubectlError(`unable to forward port because pod is not running. Current status=${phase}`);

  const held: Array<[number, ForwardTarget]> = [];
  const release = () => held.forEach(([port, t]) => forwards.close(port, t));
  const addresses = addressesOf(flags);
  const failed: string[] = [];
  for (const { local, remote } of ports) {
    const localPort = local === '' ? forwards.freePort() : Number(local);
    const t: ForwardTarget = { namespace: inv.namespace, pod: pod.metadata.name!, podPort: remote, onConnection: () => inv.out(`Handling connection for ${localPort}\n`) };
    if (!forwards.listen(localPort, t)) {
      const listeners = addresses.map((a) => `unable to create listener: Error listen tcp${a.startsWith('[') ? 6 : 4} ${a}:${localPort}: bind: address already in use`);
      inv.err(`Unable to listen on port ${localPort}: Listeners failed to create with the following errors: [${listeners.join(' ')}]\n`);
      failed.push(`{${localPort} ${remote}}`);
      continue;
    }
    held.push([localPort, t]);
    for (const a of addresses) inv.out(`Forwarding from ${a}:${localPort} -> ${remote}\n`);
  }
  if (held.length === 0) throw new KubectlError(`unable to listen on any of the requested ports: [${failed.join(' ')}]`);

  // Until Ctrl-C (kubectl stops cleanly, status 0), or until the pod is gone.
  const watched = { info: resolveTypeArg(inv.discovery(), 'pods'), namespace: inv.namespace, name: pod.metadata.name! };
  try {
    await watchObjectUntil(inv, watched, pod, 0, (ev) => ev.type === 'DELETED' || ev.object.metadata.uid !== pod.metadata.uid || (ev.object.status as Obj | undefined)?.phase !== 'Running');
  } catch (e) {
    if (isAbort(e)) return 0;
    throw e;
  } finally {
    release();
  }
  inv.err('error: lost connection to pod\n');
  return 1;
}

export const portForwardCommand: Command = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.

Examples:
  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kubectl port-forward pod/mypod 5000 6000
  
  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
  kubectl port-forward deployment/mydeployment 5000 6000
  
  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
  kubectl port-forward service/myservice 8443:https
  
  # Listen on port 8888 locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod 8888:5000
  
  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod
  kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000
  
  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
  kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000
  
  # Listen on a random port locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod :5000`,
  usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: [
    { name: 'address', type: 'stringSlice', default: ['localhost'], usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run: runPortForward,
};
