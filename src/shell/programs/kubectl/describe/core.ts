/** describeService, describeNamespace, the ConfigMap describer and the generic one (describe.go). */
import { base64Decode } from '../../../../cluster/containers/base64-decode';
import type { Json } from '../printers/types';
import { formatLabels } from '../printers/format';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, str } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer';

/** formatEndpointSlices: ready `ip:port` of the named port, at most 3, then ` + N more...`. */
export function formatEndpointSlices(slices: Json[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const ready = (e: Json) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
  for (const slice of slices) {
    const endpoints = (slice.endpoints ?? []) as Json[];
    const ports = (slice.ports ?? []) as Json[];
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === 3) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(str(e.addresses?.[0]));
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === 3) more = true;
        if (!ready(e)) continue;
        const addr = str(e.addresses?.[0]);
        if (!more) list.push(`${addr.includes(':') ? `[${addr}]` : addr}:${port.port}`);
        count++;
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - 3} more...` : joined;
}

export function describeService(svc: Json, slices: Json[], events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = svc.metadata ?? {};
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${Object.keys(spec.selector ?? {}).length ? formatLabels(spec.selector) : ''}\n`);
    w.write(LEVEL_0, `Type:\t${str(spec.type)}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? (spec.ipFamilies as string[]).join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${str(spec.clusterIP)}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? (spec.clusterIPs as string[]).join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs as string[]).join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = (svc.status?.loadBalancer?.ingress ?? []) as Json[];
    if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}\n`);
    for (const p of (spec.ports ?? []) as Json[]) {
      const name = p.name || '<unset>';
      const protocol = p.protocol ?? 'TCP';
      w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${str(p.targetPort ?? p.port)}/${protocol}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges as string[]).join(',')}\n`);
    describeEvents(events, w, now);
  });
}

/** Namespaces: the lab serves no quotas or limit ranges, so both lists are empty, as on a fresh cluster. */
export function describeNamespace(ns: Json): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(ns.metadata?.name)}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${str(ns.status?.phase)}\n`);
    const conditions = (ns.status?.conditions ?? []) as Json[];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${rfc1123z(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

export function describeConfigMap(cm: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(cm.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(cm.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    // Go ranges over a map here, so the order is random in real kubectl; sorted is one of its orders.
    for (const k of Object.keys(cm.data ?? {}).sort()) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(cm.binaryData ?? {}).sort()) {
      w.write(LEVEL_0, `${k}: ${decodedBytes(cm.binaryData[k])} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    describeEvents(events, w, now);
  });
}

/** Bytes a base64 value decodes to. */
const decodedBytes = (b64: unknown) => Math.floor((String(b64).replace(/=+$/, '').length * 3) / 4);

/** describeSecret: its type and, per key, only the size (a service account token is shown in full); no events. */
export function describeSecret(secret: Json): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(secret.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(secret.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${str(secret.type)}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    // Go ranges over a map here, so the order is random in real kubectl; sorted is one of its orders.
    for (const k of Object.keys(secret.data ?? {}).sort()) {
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${base64Decode(String(secret.data[k]))}\n`);
      else w.write(LEVEL_0, `${k}:\t${decodedBytes(secret.data[k])} bytes\n`);
    }
  });
}

/** describeEndpoints: each subset's ready and not-ready addresses and its ports. */
export function describeEndpoints(ep: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(ep.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(ep.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    const ips = (list: Json[] | undefined) => (list ?? []).map((a) => str(a.ip)).join(',') || '<none>';
    for (const subset of (ep.subsets ?? []) as Json[]) {
      w.write(LEVEL_1, `Addresses:\t${ips(subset.addresses)}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
      const ports = (subset.ports ?? []) as Json[];
      if (ports.length) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${str(p.protocol)}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, now);
  });
}

/** describeServiceAccount: secrets listed under fixed-width headers, sorted by header. */
export function describeServiceAccount(sa: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(sa.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(sa.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    const names = (list: Json[] | undefined) => (list ?? []).map((s) => str(s.name));
    const sections: Array<[string, string[]]> = [
      ['Image pull secrets:', names(sa.imagePullSecrets)],
      ['Mountable secrets: ', names(sa.secrets)],
      ['Tokens:            ', []],
    ];
    for (const [header, list] of sections) {
      if (list.length === 0) w.write(LEVEL_0, `${header}\t<none>\n`);
      list.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : ' '.repeat(19)}\t${name}\n`));
    }
    describeEvents(events, w, now);
  });
}

/** smartLabelFor: `podManagementPolicy` → `Pod Management Policy`, with API/URL/UID kept upper case. */
export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  return parts
    .filter((p) => p !== '_')
    .map((p) => (['API', 'URL', 'UID', 'OSB', 'GUID'].includes(p.toUpperCase()) ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1)))
    .join(' ');
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function printUnstructured(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructured(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printUnstructured(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

/** Go's %v of a JSON value. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  return String(v);
}

/** genericDescriber: every field of the object, for kinds without a describer. */
export function describeGeneric(obj: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(obj.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(obj.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
    printUnstructured(w, LEVEL_0, obj, '');
    describeEvents(events, w, now);
  });
}
