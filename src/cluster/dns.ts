/**
 * Cluster DNS with CoreDNS `kubernetes` plugin semantics, answering from the
 * Services, Endpoints and Pods in the store: ClusterIP and headless Service
 * names, `<hostname>.<service>` endpoint names, dashed-IP names, SRV for named
 * ports, PTR for endpoint and service IPs. Names in the cluster zone are
 * answered authoritatively; anything else is NXDOMAIN (kubelab has no upstream).
 */
import type { Store } from './api/store';
import type { KubeObject } from './api/types';
import type { Obj } from './controllers/runtime/resources';

export type DnsType = 'A' | 'AAAA' | 'SRV' | 'PTR';

export type DnsRecord =
  | { type: 'A'; name: string; ttl: number; address: string }
  | { type: 'SRV'; name: string; ttl: number; priority: number; weight: number; port: number; target: string }
  | { type: 'PTR'; name: string; ttl: number; target: string };

export interface DnsQuery {
  /** Fully qualified, with or without the trailing dot. */
  name: string;
  type: DnsType;
}

export interface DnsReply {
  rcode: 'NOERROR' | 'NXDOMAIN';
  authoritative: boolean;
  answers: DnsRecord[];
  /** A records for SRV targets. */
  additional: DnsRecord[];
}

export const DNS_TTL = 30;

interface Endpoint {
  ip: string;
  hostname?: string;
}

export class ClusterDns {
  constructor(
    private readonly store: Store,
    readonly domain = 'cluster.local',
  ) {}

  query(q: DnsQuery): DnsReply {
    const name = q.name.replace(/\.$/, '').toLowerCase();
    if (q.type === 'PTR') return this.ptr(name);
    const zone = `.svc.${this.domain}`;
    const nx: DnsReply = { rcode: 'NXDOMAIN', authoritative: name.endsWith(this.domain), answers: [], additional: [] };
    if (name.endsWith(`.pod.${this.domain}`)) {
      const [dashed, ns] = name.slice(0, -`.pod.${this.domain}`.length).split('.');
      const ip = dashed?.replace(/-/g, '.');
      if (!ns || !ip || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return nx;
      return this.answer(q.type, [{ type: 'A', name, ttl: DNS_TTL, address: ip }]);
    }
    if (!name.endsWith(zone)) return nx;
    const labels = name.slice(0, -zone.length).split('.');
    if (labels.length === 3 && labels[0].startsWith('_') && labels[1].startsWith('_')) return this.srv(name, labels[0].slice(1), labels[1].slice(1), labels[2]);
    if (labels.length === 2) return this.service(name, q.type, labels[0], labels[1]);
    if (labels.length === 3) return this.endpointName(name, q.type, labels[0], labels[1], labels[2]);
    if (labels.length === 4 && labels[0].startsWith('_') && labels[1].startsWith('_')) return this.srv(name, labels[0].slice(1), labels[1].slice(1), `${labels[2]}.${labels[3]}`);
    return nx;
  }

  private answer(type: DnsType, records: DnsRecord[], additional: DnsRecord[] = []): DnsReply {
    // The name exists; a type it has no records of is an empty NOERROR answer (NODATA).
    return { rcode: 'NOERROR', authoritative: true, answers: records.filter((r) => r.type === type), additional };
  }

  private nx(): DnsReply {
    return { rcode: 'NXDOMAIN', authoritative: true, answers: [], additional: [] };
  }

  private svc(ns: string, name: string): KubeObject | undefined {
    return this.store.peek('services', ns, name);
  }

  private endpoints(ns: string, name: string): Endpoint[] {
    const ep = this.store.peek('endpoints', ns, name) as Obj;
    const out: Endpoint[] = [];
    for (const subset of (ep?.subsets ?? []) as Obj[]) for (const a of (subset.addresses ?? []) as Obj[]) if (!out.some((e) => e.ip === a.ip)) out.push({ ip: a.ip, hostname: a.hostname });
    return out;
  }

  private service(fqdn: string, type: DnsType, svcName: string, ns: string): DnsReply {
    const svc = this.svc(ns, svcName);
    if (!svc) return this.nx();
    const spec = svc.spec as Obj;
    if (spec.type === 'ExternalName') return this.nx();
    if (spec.clusterIP && spec.clusterIP !== 'None') return this.answer(type, [{ type: 'A', name: fqdn, ttl: DNS_TTL, address: spec.clusterIP }]);
    const eps = this.endpoints(ns, svcName);
    if (!eps.length) return this.nx();
    return this.answer(type, eps.map((e) => ({ type: 'A', name: fqdn, ttl: DNS_TTL, address: e.ip })));
  }

  private endpointName(fqdn: string, type: DnsType, host: string, svcName: string, ns: string): DnsReply {
    const svc = this.svc(ns, svcName);
    if (!svc) return this.nx();
    const ep = this.endpoints(ns, svcName).find((e) => (e.hostname ?? e.ip.replace(/\./g, '-')) === host);
    if (!ep) return this.nx();
    return this.answer(type, [{ type: 'A', name: fqdn, ttl: DNS_TTL, address: ep.ip }]);
  }

  private srv(fqdn: string, portName: string, proto: string, rest: string): DnsReply {
    const [svcName, ns] = rest.split('.');
    const svc = this.svc(ns, svcName);
    if (!svc) return this.nx();
    const ports = ((svc.spec as Obj).ports ?? []).filter((p: Obj) => p.name === portName && (p.protocol ?? 'TCP').toLowerCase() === proto);
    if (!ports.length) return this.nx();
    const headless = (svc.spec as Obj).clusterIP === 'None';
    const targets = headless
      ? this.endpoints(ns, svcName).map((e) => ({ target: `${e.hostname ?? e.ip.replace(/\./g, '-')}.${svcName}.${ns}.svc.${this.domain}`, ip: e.ip }))
      : [{ target: `${svcName}.${ns}.svc.${this.domain}`, ip: (svc.spec as Obj).clusterIP as string }];
    const answers: DnsRecord[] = [];
    const additional: DnsRecord[] = [];
    const n = targets.length * ports.length;
    const weight = Math.max(1, Math.floor(100 / Math.max(1, n)));
    for (const p of ports as Obj[]) {
      const port = headless ? (p.targetPort && typeof p.targetPort === 'number' ? p.targetPort : p.port) : p.port;
      for (const t of targets) {
        answers.push({ type: 'SRV', name: fqdn, ttl: DNS_TTL, priority: 0, weight, port, target: t.target });
        additional.push({ type: 'A', name: t.target, ttl: DNS_TTL, address: t.ip });
      }
    }
    if (!answers.length) return this.nx();
    return { rcode: 'NOERROR', authoritative: true, answers, additional };
  }

  private ptr(name: string): DnsReply {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(name);
    if (!m) return { rcode: 'NXDOMAIN', authoritative: false, answers: [], additional: [] };
    const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
    for (const svc of this.store.peekList('services')) {
      const spec = svc.spec as Obj;
      const ns = svc.metadata.namespace!;
      if (spec.clusterIP === ip) return this.answer('PTR', [{ type: 'PTR', name, ttl: DNS_TTL, target: `${svc.metadata.name}.${ns}.svc.${this.domain}` }]);
      if (spec.clusterIP === 'None') {
        const ep = this.endpoints(ns, svc.metadata.name!).find((e) => e.ip === ip);
        if (ep) return this.answer('PTR', [{ type: 'PTR', name, ttl: DNS_TTL, target: `${ep.hostname ?? ip.replace(/\./g, '-')}.${svc.metadata.name}.${ns}.svc.${this.domain}` }]);
      }
    }
    return { rcode: 'NXDOMAIN', authoritative: ip.startsWith('10.'), answers: [], additional: [] };
  }
}

/** The names a resolver tries for `name` under a resolv.conf search list and ndots (glibc/musl order). */
export function searchCandidates(name: string, searches: string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const expanded = searches.map((s) => `${name}.${s}`);
  return dots >= ndots ? [name, ...expanded] : [...expanded, name];
}
