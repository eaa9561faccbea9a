/**
 * The in-pod capabilities (file reading, DNS) built on the ClusterClient, so
 * fileContains and dnsResolves see what `kubectl exec … cat` and `nslookup`
 * inside a pod would see.
 */
import type { ClusterClient } from '../../cluster/client/types';
import type { CheckCapabilities, DnsLookup, PodFileReader } from './types';

const CLUSTER_DOMAIN = 'cluster.local';
/** Kubelet's resolv.conf for ClusterFirst pods: `options ndots:5`. */
const NDOTS = 5;

/** Reads a file through pods/exec: fails as exec does (pod not running, no such container) or as cat would (no such file). */
export function podFileReader(client: ClusterClient): PodFileReader {
  return {
    async readFile(namespace, pod, path, container) {
      const session = await client.exec(namespace, pod, container);
      return session.fs.readFile(path);
    },
  };
}

/** The names a pod in `namespace` tries for `name`, in order (the search list and ndots of its resolv.conf). */
export function searchCandidates(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const searches = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const expanded = searches.map((s) => `${name}.${s}`);
  const dots = name.split('.').length - 1;
  return dots >= NDOTS ? [name, ...expanded] : [...expanded, name];
}

/** A records of the first candidate that has any, like a pod's stub resolver. */
export function clusterDnsLookup(client: ClusterClient): DnsLookup {
  return {
    async resolve(name, namespace) {
      for (const candidate of searchCandidates(name, namespace)) {
        const reply = await client.dns({ name: candidate, type: 'A' });
        const addresses = reply.answers.flatMap((r) => (r.type === 'A' ? [r.address] : []));
        if (addresses.length) return addresses;
      }
      return [];
    },
  };
}

export function clusterCapabilities(client: ClusterClient): Required<CheckCapabilities> {
  return { podFiles: podFileReader(client), dns: clusterDnsLookup(client) };
}
