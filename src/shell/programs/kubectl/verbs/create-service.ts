/** kubectl create service clusterip | nodeport | loadbalancer | externalname (create_service.go). */
import { nameErrors } from '../../../../cluster/api/registry/field-errors';
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { FlagSpec, Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { completeTyped, createOrPrint, TYPED_CREATE_FLAGS, wrapWith } from './create-typed';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const TCP_FLAG: FlagSpec = { name: 'tcp', type: 'stringSlice', usage: "Port pairs can be specified as '<port>:<targetPort>'." };

/** validation.IsValidPortName. */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens (--)');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

/** strconv.Atoi's accepted syntax. */
const GO_INT = /^[+-]?[0-9]+$/;

/** parsePorts: `port[:targetPort]`, targetPort a number or a port name. */
export function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [first, second] = spec.split(':');
  // utilsnet.ParsePort(s, true) is strconv.ParseUint(s, 10, 16).
  if (!/^[0-9]+$/.test(first)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(first)}: invalid syntax`);
  const port = Number(first);
  if (port > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(first)}: value out of range`);
  if (second === undefined) return { port, targetPort: port };
  if (!GO_INT.test(second)) {
    const errs = portNameErrors(second);
    if (errs.length) throw new KubectlError(errs.join(','));
    return { port, targetPort: second };
  }
  const target = Number(second);
  if (target < 1 || target > 65535) throw new KubectlError('must be between 1 and 65535, inclusive');
  return { port, targetPort: target };
}

async function runCreateService(inv: Invocation, flags: Flags, type: ServiceType): Promise<number> {
  const name = completeTyped(inv, flags);
  const tcp = flags.list('tcp');
  const clusterIP = type === 'ClusterIP' ? flags.string('clusterip') : '';
  const externalName = type === 'ExternalName' ? flags.string('external-name') : '';
  // Validate.
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && nameErrors('subdomain', externalName).length) {
    throw new KubectlError(`invalid service external name ${externalName}`);
  }
  const nodePort = type === 'NodePort' ? flags.int('node-port') : 0;
  const ports = tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    const p: Record<string, unknown> = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort };
    if (nodePort) p.nodePort = nodePort;
    return p;
  });
  const spec: Record<string, unknown> = { selector: { app: name }, type };
  if (ports.length) spec.ports = ports;
  if (externalName) spec.externalName = externalName;
  if (clusterIP) spec.clusterIP = clusterIP;
  const metadata = { name, labels: { app: name }, creationTimestamp: null } as unknown as KubeObject['metadata'];
  if (inv.namespaceExplicit) metadata.namespace = inv.namespace;
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
  return createOrPrint(inv, flags, 'services', obj, 'created', wrapWith(`failed to create ${type} service: `));
}

function serviceCommand(name: string, type: ServiceType, short: string, long: string, usage: string, extra: FlagSpec[]): Command {
  return {
    name,
    short,
    long,
    usage,
    flags: [...TYPED_CREATE_FLAGS, ...extra],
    run: (inv, flags) => runCreateService(inv, flags, type),
  };
}

export const createServiceClusterIPCommand = serviceCommand(
  'clusterip',
  'ClusterIP',
  'Create a ClusterIP service',
  `Create a ClusterIP service with the specified name.

Examples:
  # Create a new ClusterIP service named my-cs
  kubectl create service clusterip my-cs --tcp=5678:8080
  
  # Create a new ClusterIP service named my-cs (in headless mode)
  kubectl create service clusterip my-cs --clusterip="None"`,
  'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
  [TCP_FLAG, { name: 'clusterip', type: 'string', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }],
);

export const createServiceNodePortCommand = serviceCommand(
  'nodeport',
  'NodePort',
  'Create a NodePort service',
  `Create a NodePort service with the specified name.

Examples:
  # Create a new NodePort service named my-ns
  kubectl create service nodeport my-ns --tcp=5678:8080`,
  'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  [TCP_FLAG, { name: 'node-port', type: 'int', usage: 'Port used to expose the service on each node in a cluster.' }],
);

export const createServiceLoadBalancerCommand = serviceCommand(
  'loadbalancer',
  'LoadBalancer',
  'Create a LoadBalancer service',
  `Create a LoadBalancer service with the specified name.

Examples:
  # Create a new LoadBalancer service named my-lbs
  kubectl create service loadbalancer my-lbs --tcp=5678:8080`,
  'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  [TCP_FLAG],
);

const externalNameBase = serviceCommand(
  'externalname',
  'ExternalName',
  'Create an ExternalName service',
  `Create an ExternalName service with the specified name.

 ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.

Examples:
  # Create a new ExternalName service named my-ns
  kubectl create service externalname my-ns --external-name bar.com`,
  'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
  [TCP_FLAG, { name: 'external-name', type: 'string', usage: 'External name of service' }],
);

export const createServiceExternalNameCommand: Command = {
  ...externalNameBase,
  // cobra's MarkFlagRequired is checked before the command runs.
  run: async (inv, flags) => {
    if (!flags.changed('external-name')) throw new KubectlError('required flag(s) "external-name" not set');
    return runCreateService(inv, flags, 'ExternalName');
  },
};

export const createServiceCommand: Command = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: 'Create a service using a specified subcommand.',
  usage: 'kubectl create service [flags] [options]',
  flags: [],
  subcommands: [createServiceClusterIPCommand, createServiceExternalNameCommand, createServiceLoadBalancerCommand, createServiceNodePortCommand],
};
