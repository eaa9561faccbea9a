/** kubectl cluster-info: the control plane address and the cluster services in kube-system. */
import type { Command } from '../cli/command';
import { serverOf } from './server';

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.

Examples:
  # Print the address of the control plane and cluster services
  kubectl cluster-info`,
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  async run(inv) {
    const host = serverOf(inv);
    const services = await inv.client.list(
      { group: '', version: 'v1', resource: 'services' },
      { namespace: 'kube-system', labelSelector: 'kubernetes.io/cluster-service=true' },
    );
    let text = `Kubernetes control plane is running at ${host}\n`;
    for (const svc of services.items) {
      const spec = (svc.spec ?? {}) as { ports?: Array<{ name?: string; port?: number }> };
      const status = (svc.status ?? {}) as { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
      let link: string;
      const ingress = status.loadBalancer?.ingress ?? [];
      if (ingress.length > 0) {
        const ip = ingress[0].ip || ingress[0].hostname || '';
        link = (spec.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
      } else {
        let name = svc.metadata.name ?? '';
        const port = spec.ports?.[0];
        if (port) {
          const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
          name = joinSchemeNamePort(scheme, name, port.name ?? '');
        }
        link = `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
      }
      const display = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name;
      text += `${display} is running at ${link}\n`;
    }
    text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    inv.out(text);
    return 0;
  },
};

/** utilnet.JoinSchemeNamePort. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  if (port) return `${name}:${port}`;
  return name;
}
