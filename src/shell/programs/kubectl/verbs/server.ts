/** The API server address of the current context's cluster. */
import type { Invocation } from '../context';

export function serverOf(inv: Invocation): string {
  const ctx = inv.kubeconfig.contexts.find((c) => c.name === inv.contextName);
  const cluster = inv.kubeconfig.clusters.find((c) => c.name === ctx?.context.cluster);
  return cluster?.cluster.server ?? 'https://172.18.0.2:6443';
}
