/** A container's environment as the kubelet builds it: image ENV, service links, HOSTNAME, then the spec's env. */
import type { KubeObject } from '../api/types';
import type { Store } from '../api/store';
import type { Obj } from '../controllers/runtime/resources';
import { base64Decode } from './base64-decode';

function serviceVars(svc: KubeObject): Record<string, string> {
  const spec = svc.spec as Obj;
  const ip = spec?.clusterIP;
  if (!ip || ip === 'None') return {};
  const prefix = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
  const ports: Obj[] = spec.ports ?? [];
  if (!ports.length) return {};
  const out: Record<string, string> = { [`${prefix}_SERVICE_HOST`]: ip, [`${prefix}_SERVICE_PORT`]: String(ports[0].port) };
  for (const p of ports) if (p.name) out[`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
  // Docker-style link variables (kubelet makeLinkVariables).
  const first = ports[0];
  out[`${prefix}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`;
  for (const p of ports) {
    const proto = (p.protocol ?? 'TCP').toUpperCase();
    const base = `${prefix}_PORT_${p.port}_${proto}`;
    out[base] = `${proto.toLowerCase()}://${ip}:${p.port}`;
    out[`${base}_PROTO`] = proto.toLowerCase();
    out[`${base}_PORT`] = String(p.port);
    out[`${base}_ADDR`] = ip;
  }
  return out;
}

function fieldRef(pod: KubeObject, path: string, podIP: string): string {
  const spec = pod.spec as Obj;
  switch (path) {
    case 'metadata.name': return pod.metadata.name ?? '';
    case 'metadata.namespace': return pod.metadata.namespace ?? '';
    case 'metadata.uid': return pod.metadata.uid ?? '';
    case 'spec.nodeName': return spec.nodeName ?? '';
    case 'spec.serviceAccountName': return spec.serviceAccountName ?? '';
    case 'status.podIP': return podIP;
    default: return '';
  }
}

/** $(VAR) references to earlier variables expand; $$ escapes. */
function expandRefs(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name) => (m === '$$' ? '$' : name in env ? env[name] : m));
}

export function containerEnv(store: Store, pod: KubeObject, container: Obj, imageEnv: Record<string, string>, hostname: string, podIP: string): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = { ...imageEnv, HOSTNAME: hostname };
  if ((pod.spec as Obj).enableServiceLinks !== false) {
    for (const svc of store.peekList('services', ns)) Object.assign(env, serviceVars(svc));
  }
  for (const svc of store.peekList('services', 'default')) if (svc.metadata.name === 'kubernetes') Object.assign(env, serviceVars(svc));
  for (const from of (container.envFrom ?? []) as Obj[]) {
    const src = from.configMapRef ? store.peek('configmaps', ns, from.configMapRef.name) : from.secretRef ? store.peek('secrets', ns, from.secretRef.name) : undefined;
    const data = (src as Obj)?.data ?? {};
    for (const [k, v] of Object.entries(data)) env[`${from.prefix ?? ''}${k}`] = from.secretRef ? base64Decode(String(v)) : String(v);
  }
  for (const e of (container.env ?? []) as Obj[]) {
    if (e.value !== undefined) env[e.name] = expandRefs(String(e.value), env);
    else if (e.valueFrom?.fieldRef) env[e.name] = fieldRef(pod, e.valueFrom.fieldRef.fieldPath, podIP);
    else if (e.valueFrom?.configMapKeyRef) {
      // An optional reference to a missing object or key leaves the variable unset (the kubelet skips it).
      const value = (store.peek('configmaps', ns, e.valueFrom.configMapKeyRef.name) as Obj)?.data?.[e.valueFrom.configMapKeyRef.key];
      if (value !== undefined) env[e.name] = String(value);
    } else if (e.valueFrom?.secretKeyRef) {
      const raw = (store.peek('secrets', ns, e.valueFrom.secretKeyRef.name) as Obj)?.data?.[e.valueFrom.secretKeyRef.key];
      if (raw !== undefined) env[e.name] = base64Decode(String(raw));
    } else env[e.name] = '';
  }
  if (!env.HOME) env.HOME = '/root';
  return env;
}
