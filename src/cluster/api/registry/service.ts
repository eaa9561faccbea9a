/** core/v1 Service: defaulting, ClusterIP / NodePort allocation, validation. */
import type { StatusCause } from '../errors';
import { forbidden, invalidValue, notSupported, required, duplicate } from './field-errors';
import type { Obj, RegistryContext, Strategy } from './types';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function defaultPorts(spec: Obj): void {
  if (!Array.isArray(spec.ports)) return;
  for (const p of spec.ports) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
}

function allocateNodePorts(spec: Obj, ctx: RegistryContext): void {
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
  for (const p of spec.ports ?? []) if (p && p.nodePort === undefined) p.nodePort = 30000 + ctx.random.int(2768);
}

function validateSpec(spec: Obj): StatusCause[] {
  const errs: StatusCause[] = [];
  const type = spec.type;
  if (!TYPES.includes(type)) errs.push(notSupported('spec.type', type ?? '', TYPES));
  const headless = spec.clusterIP === 'None';
  const ports: Obj[] = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p?.name) errs.push(required(`${path}.name`));
    else if (p?.name) {
      if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (typeof p?.port !== 'number' || p.port < 1 || p.port > 65535)
      errs.push(invalidValue(`${path}.port`, p?.port ?? 0, 'must be between 1 and 65535, inclusive'));
    if (p?.protocol && !PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  });
  if (spec.sessionAffinity && !['ClientIP', 'None'].includes(spec.sessionAffinity))
    errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  if (type === 'ExternalName' && !spec.externalName) errs.push(required('spec.externalName'));
  return errs;
}

export const serviceStrategy: Strategy = {
  kind: 'Service',
  nameRule: 'dns1035',
  hasStatus: true,
  defaults(obj) {
    const spec = (obj.spec ??= {});
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    defaultPorts(spec);
    if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  },
  prepareForCreate(obj, ctx) {
    const spec = obj.spec;
    if (spec.type !== 'ExternalName') {
      if (!spec.clusterIP && Array.isArray(spec.clusterIPs) && spec.clusterIPs[0]) spec.clusterIP = spec.clusterIPs[0];
      if (!spec.clusterIP) spec.clusterIP = ctx.allocateClusterIP();
      spec.clusterIPs = [spec.clusterIP];
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
    allocateNodePorts(spec, ctx);
    obj.status = { loadBalancer: {} };
  },
  defaultsOnUpdate(obj, old) {
    // The REST layer keeps allocated values a replace left out.
    const spec = obj.spec;
    for (const f of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'])
      if (spec[f] === undefined && old.spec?.[f] !== undefined) spec[f] = old.spec[f];
  },
  validate(obj, ctx) {
    const errs = validateSpec(obj.spec);
    const ip = obj.spec.clusterIP;
    if (ip && ip !== 'None' && ctx.clusterIPInUse(ip))
      errs.push(invalidValue('spec.clusterIPs', obj.spec.clusterIPs ?? [ip], `failed to allocate IP ${ip}: provided IP is already allocated`));
    return errs;
  },
  validateUpdate(obj, old) {
    const errs = validateSpec(obj.spec);
    if (old.spec?.clusterIP && obj.spec.clusterIP !== old.spec.clusterIP && old.spec.type !== 'ExternalName')
      errs.push(invalidValue('spec.clusterIPs[0]', obj.spec.clusterIP ?? '', 'may not change once set'));
    if ((old.spec?.clusterIP === 'None') !== (obj.spec.clusterIP === 'None') && old.spec?.type !== 'ExternalName')
      errs.push(forbidden('spec.clusterIP', 'may not change once set'));
    return errs;
  },
};
