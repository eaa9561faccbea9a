/**
 * kubectl top (pkg/cmd/top): this cluster runs no metrics-server, as a fresh
 * kubeadm or kind cluster does not, so after its own argument checks `top`
 * answers as kubectl does when the metrics.k8s.io API is not served.
 */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { FlagSpec, Flags } from '../cli/flags';
import type { Invocation } from '../context';

function check(what: 'NAME or selector' | 'NAME or --selector') {
  return async (_inv: Invocation, flags: Flags): Promise<number> => {
    const sortBy = flags.string('sort-by');
    if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
    if (flags.args.length > 0 && flags.string('selector')) throw new KubectlError(`only one of ${what} can be provided`);
    throw new KubectlError('Metrics API not available');
  };
}

const COMMON: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers' },
  { name: 'use-protocol-buffers', type: 'bool', default: true, usage: 'Enables using protocol-buffers to access Metrics API.' },
];

const topPodCommand: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.

Examples:
  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel`,
  usage: 'kubectl top pod [NAME | -l label] [options]',
  flags: [
    ...COMMON,
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
  ],
  run: check('NAME or selector'),
};

const topNodeCommand: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.

Examples:
  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME`,
  usage: 'kubectl top node [NAME | -l label] [options]',
  flags: [
    ...COMMON,
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
  ],
  run: check('NAME or --selector'),
};

export const topCommand: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
  usage: 'kubectl top [flags] [options]',
  flags: [],
  subcommands: [topNodeCommand, topPodCommand],
};
