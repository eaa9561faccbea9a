/** kubectl expose (pkg/cmd/expose/expose.go): a Service selecting what a pod, controller or Service selects. */
import type { KubeObject } from '../../../../cluster/api/types';
import { formatLabelSet } from '../../../../cluster/api/selectors';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { resolveTypeArg } from '../resources/mapping';
import { createOrPrint, fieldManagerFlag, SAVE_CONFIG_FLAG } from './create-typed';
import { checkCanBeExposed, portsForObject, protocolsForObject, selectorForObject } from './expose-introspect';
import { visitResources } from './resource-visit';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAGS, OUTPUT_FLAG, ResultPrinter } from './write-common';

const EXPOSE_LONG = `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replica set (rs)

Examples:
  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000`;

/** ExposeServiceOptions: kubectl keeps what introspection found across visited objects. */
interface ExposeOptions {
  name: string;
  defaultName: string;
  selector: string;
  port: string;
  ports: string;
  labels: string;
  protocol: string;
  protocols: string;
  targetPort: string;
  externalIP: string;
  loadBalancerIP: string;
  type: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** parseLabels: k=v,k=v with expose's own errors. */
function parseLabels(spec: string): Record<string, string> {
  if (!spec) throw new KubectlError('no label spec passed');
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${item}`);
    if (!kv[0]) throw new KubectlError('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** parseProtocols: `port/PROTO,…` → port → protocols. */
function parseProtocols(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const item of text.split(',')) {
    const pp = item.split('/');
    if (pp.length !== 2) throw new KubectlError(`unexpected port protocol mapping: ${item}`);
    if (!pp[0]) throw new KubectlError('unexpected empty port');
    if (!pp[1]) throw new KubectlError('unexpected empty protocol');
    map.set(pp[0], [...(map.get(pp[0]) ?? []), pp[1]]);
  }
  return map;
}

/** strconv.Atoi. */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** createService. */
export function buildService(o: ExposeOptions): KubeObject {
  if (!o.selector) throw new KubectlError('selector must be specified');
  const selector = parseLabels(o.selector);
  const labels = o.labels ? parseLabels(o.labels) : undefined;
  const name = o.name || o.defaultName;
  if (!name) throw new KubectlError('name must be specified');
  const protocolMap = o.protocols ? parseProtocols(o.protocols) : new Map<string, string[]>();
  const portString = o.ports || o.port;
  const ports: Array<Record<string, unknown>> = [];
  if (portString) {
    const list = portString.split(',');
    list.forEach((text, i) => {
      const port = atoi(text);
      const portName = list.length > 1 ? `port-${i + 1}` : '';
      let protocol = o.protocol;
      if (!protocol && protocolMap.size === 0) protocol = 'TCP';
      else if (!protocol) {
        protocol = 'TCP';
        const found = protocolMap.get(text);
        if (found?.length === 1) protocol = found[0];
        else if (found) {
          for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
          return;
        }
      }
      ports.push({ name: portName, port, protocol });
    });
  }
  // intstr.Parse for --target-port; otherwise each port targets itself.
  const target = o.targetPort ? (/^[+-]?[0-9]+$/.test(o.targetPort) ? Number(o.targetPort) : o.targetPort) : undefined;
  for (const p of ports) {
    p.targetPort = target ?? p.port;
    if (p.name === '') delete p.name;
  }
  const spec: Record<string, unknown> = { selector };
  if (ports.length) spec.ports = ports;
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.type) spec.type = o.type;
  if (spec.type === 'LoadBalancer' && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity) {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${o.sessionAffinity}`);
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  const metadata = { name, creationTimestamp: null } as unknown as KubeObject['metadata'];
  if (labels) metadata.labels = labels;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
}

async function exposeOne(inv: Invocation, flags: Flags, o: ExposeOptions, obj: KubeObject, kind: string, group: string): Promise<void> {
  checkCanBeExposed(kind, group);
  o.defaultName = (obj.metadata.name ?? '').slice(0, 63);
  if (!o.selector) {
    try {
      o.selector = selectorForObject(obj);
    } catch (e) {
      throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  if (!o.port) {
    const ports = portsForObject(obj);
    if (ports.length === 0 && o.clusterIP !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection");
    if (ports.length === 1) o.port = ports[0];
    else if (ports.length > 1) o.ports = ports.join(',');
  }
  const protocols = [...protocolsForObject(obj)].flatMap(([port, list]) => list.map((p) => `${port}/${p}`)).join(',');
  if (protocols) o.protocols = protocols;
  if (!o.labels) o.labels = formatLabelSet(obj.metadata.labels);
  const service = buildService(o);
  if (dryRunOf(flags) === 'client') {
    // Printed before --save-config is applied; the namespace only when -n was given.
    if (inv.namespaceExplicit) service.metadata.namespace = inv.namespace;
    new ResultPrinter(inv, flags.string('output'), 'client').print(service, resolveTypeArg(inv.discovery(), 'services'), 'exposed');
    return;
  }
  await createOrPrint(inv, flags, 'services', service, 'exposed');
}

export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: EXPOSE_LONG,
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    SAVE_CONFIG_FLAG,
    fieldManagerFlag('kubectl-expose'),
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'session-affinity', type: 'string', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
  ],
  async run(inv, flags) {
    // ToOptions: the dry-run strategy and printer come first.
    void new ResultPrinter(inv, flags.string('output'), dryRunOf(flags));
    const o: ExposeOptions = {
      name: flags.string('name'),
      defaultName: '',
      selector: flags.string('selector'),
      port: flags.string('port'),
      ports: '',
      labels: flags.string('labels'),
      protocol: flags.string('protocol'),
      protocols: '',
      targetPort: flags.string('target-port'),
      externalIP: flags.string('external-ip'),
      loadBalancerIP: flags.string('load-balancer-ip'),
      type: flags.string('type'),
      sessionAffinity: flags.string('session-affinity'),
      clusterIP: flags.string('cluster-ip'),
    };
    const { errors } = await visitResources(
      inv,
      { args: flags.args, filenames: flags.list('filename'), recursive: flags.bool('recursive') },
      async (t) => {
        await exposeOne(inv, flags, o, t.object, t.info.kind, t.info.group);
      },
    );
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
