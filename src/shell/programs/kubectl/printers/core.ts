/** Services, Endpoints, Namespaces, Nodes, ConfigMaps, Secrets, ServiceAccounts, Events. */
import { ageSince } from './age';
import { formatLabels, str } from './format';
import { col, type Json, type KindPrinter } from './types';

function servicePorts(ports: Json[] | undefined): string {
  const parts = (ports ?? []).map((p) => {
    const protocol = p.protocol ?? 'TCP';
    return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return parts.length ? parts.join(',') : '<none>';
}

function externalIP(svc: Json, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external = (spec.externalIPs ?? []) as string[];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = ((svc.status?.loadBalancer?.ingress ?? []) as Json[]).map((i) => i.ip || i.hostname).filter(Boolean);
      const all = [...ingress, ...external];
      if (all.length === 0) return '<pending>';
      const joined = all.join(',');
      return !wide && joined.length > 16 ? `${joined.slice(0, 13)}...` : joined;
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const servicePrinter: KindPrinter = {
  columns: [col('NAME'), col('TYPE'), col('CLUSTER-IP'), col('EXTERNAL-IP'), col('PORT(S)'), col('AGE'), col('SELECTOR', true)],
  cells(o, now) {
    const spec = o.spec ?? {};
    const clusterIP = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>';
    return [
      o.metadata.name,
      spec.type ?? 'ClusterIP',
      clusterIP || '<none>',
      externalIP(o, false),
      servicePorts(spec.ports),
      ageSince(o.metadata.creationTimestamp, now),
      formatLabels(spec.selector),
    ];
  },
};

/** formatEndpoints: ready addresses as ip:port, at most three then "+ N more...". */
export function formatEndpoints(ep: Json): string {
  const subsets = (ep.subsets ?? []) as Json[];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = (ss.addresses ?? []) as Json[];
    const ports = (ss.ports ?? []) as Json[];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(String(a.ip).includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

export const endpointsPrinter: KindPrinter = {
  columns: [col('NAME'), col('ENDPOINTS'), col('AGE')],
  cells: (o, now) => [o.metadata.name, formatEndpoints(o), ageSince(o.metadata.creationTimestamp, now)],
};

export const namespacePrinter: KindPrinter = {
  columns: [col('NAME'), col('STATUS'), col('AGE')],
  cells: (o, now) => [o.metadata.name, str(o.status?.phase), ageSince(o.metadata.creationTimestamp, now)],
};

function nodeRoles(labels: Record<string, string>): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function nodeAddress(o: Json, type: string): string {
  const a = ((o.status?.addresses ?? []) as Json[]).find((x) => x.type === type);
  return a ? a.address : '<none>';
}

export const nodePrinter: KindPrinter = {
  columns: [
    col('NAME'),
    col('STATUS'),
    col('ROLES'),
    col('AGE'),
    col('VERSION'),
    col('INTERNAL-IP', true),
    col('EXTERNAL-IP', true),
    col('OS-IMAGE', true),
    col('KERNEL-VERSION', true),
    col('CONTAINER-RUNTIME', true),
  ],
  cells(o, now) {
    const ready = ((o.status?.conditions ?? []) as Json[]).find((c) => c.type === 'Ready');
    const status: string[] = [];
    if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
    if (status.length === 0) status.push('Unknown');
    if (o.spec?.unschedulable) status.push('SchedulingDisabled');
    const info = o.status?.nodeInfo ?? {};
    return [
      o.metadata.name,
      status.join(','),
      nodeRoles(o.metadata.labels ?? {}),
      ageSince(o.metadata.creationTimestamp, now),
      str(info.kubeletVersion),
      nodeAddress(o, 'InternalIP'),
      nodeAddress(o, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const configMapPrinter: KindPrinter = {
  columns: [col('NAME'), col('DATA'), col('AGE')],
  cells: (o, now) => [
    o.metadata.name,
    String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length),
    ageSince(o.metadata.creationTimestamp, now),
  ],
};

export const secretPrinter: KindPrinter = {
  columns: [col('NAME'), col('TYPE'), col('DATA'), col('AGE')],
  cells: (o, now) => [
    o.metadata.name,
    str(o.type),
    String(Object.keys(o.data ?? {}).length),
    ageSince(o.metadata.creationTimestamp, now),
  ],
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [col('NAME'), col('SECRETS'), col('AGE')],
  cells: (o, now) => [o.metadata.name, String(((o.secrets ?? []) as Json[]).length), ageSince(o.metadata.creationTimestamp, now)],
};

function eventSource(o: Json): string {
  const component = o.source?.component || o.reportingComponent || o.reportingController || '';
  const host = o.source?.host || o.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: KindPrinter = {
  columns: [
    col('LAST SEEN'),
    col('TYPE'),
    col('REASON'),
    col('OBJECT'),
    col('SUBOBJECT', true),
    col('SOURCE', true),
    col('MESSAGE'),
    col('FIRST SEEN', true),
    col('COUNT', true),
    col('NAME', true),
  ],
  cells(o, now) {
    const first = o.firstTimestamp ? ageSince(o.firstTimestamp, now) : ageSince(o.eventTime, now);
    let last = o.lastTimestamp ? ageSince(o.lastTimestamp, now) : first;
    let count = o.count ?? 0;
    if (o.series) {
      last = ageSince(o.series.lastObservedTime, now);
      count = o.series.count ?? 0;
    } else if (count === 0) count = 1;
    const involved = o.involvedObject ?? {};
    const kind = String(involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    return [last, str(o.type), str(o.reason), target, str(involved.fieldPath), eventSource(o), str(o.message).trim(), first, String(count), o.metadata.name];
  },
};
