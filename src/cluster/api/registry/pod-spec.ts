/** PodSpec / Container defaulting and validation shared by Pod and the workload templates. */
import type { StatusCause } from '../errors';
import { dns1123LabelErrors, duplicate, invalidValue, notFoundField, notSupported, required } from './field-errors';
import type { Obj } from './types';

function defaultProbe(p: Obj | undefined): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) p.httpGet.scheme ??= 'HTTP';
}

/** Always for ':latest' or an untagged image, IfNotPresent otherwise (digests count as tags). */
export function defaultPullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultContainer(c: Obj): void {
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.resources ??= {};
  if (Array.isArray(c.ports)) for (const p of c.ports) p.protocol ??= 'TCP';
  if (Array.isArray(c.env))
    for (const e of c.env) if (e?.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

/** SetDefaults_PodSpec (applies to pods and templates alike). */
export function defaultPodSpec(spec: Obj): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const list of ['containers', 'initContainers'])
    if (Array.isArray(spec[list])) for (const c of spec[list]) if (c && typeof c === 'object') defaultContainer(c);
  if (Array.isArray(spec.volumes))
    for (const v of spec.volumes) {
      if (v?.configMap) v.configMap.defaultMode ??= 420;
      if (v?.secret) v.secret.defaultMode ??= 420;
      if (v?.hostPath) v.hostPath.type ??= '';
    }
}

const RESTART = ['Always', 'OnFailure', 'Never'];
const DNS = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateContainers(list: unknown, path: string, volumes: Set<string>, seen: Set<string>): StatusCause[] {
  const errs: StatusCause[] = [];
  if (!Array.isArray(list)) return errs;
  list.forEach((c: Obj, i) => {
    const p = `${path}[${i}]`;
    if (!c || typeof c !== 'object') return;
    if (!c.name) errs.push(required(`${p}.name`));
    else {
      for (const m of dns1123LabelErrors(String(c.name))) errs.push(invalidValue(`${p}.name`, c.name, m));
      if (seen.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
      seen.add(c.name);
    }
    if (!c.image) errs.push(required(`${p}.image`));
    if (c.imagePullPolicy && !PULL.includes(c.imagePullPolicy)) errs.push(notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL));
    (Array.isArray(c.ports) ? c.ports : []).forEach((port: Obj, j: number) => {
      const pp = `${p}.ports[${j}]`;
      const cp = port?.containerPort;
      if (cp === undefined || cp === 0) errs.push(required(`${pp}.containerPort`));
      else if (typeof cp !== 'number' || cp < 1 || cp > 65535)
        errs.push(invalidValue(`${pp}.containerPort`, cp, 'must be between 1 and 65535, inclusive'));
      if (port?.protocol && !PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${pp}.protocol`, port.protocol, PROTOCOLS));
    });
    (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m: Obj, j: number) => {
      const mp = `${p}.volumeMounts[${j}]`;
      if (!m?.name) errs.push(required(`${mp}.name`));
      else if (!volumes.has(m.name)) errs.push(notFoundField(`${mp}.name`, m.name));
      if (!m?.mountPath) errs.push(required(`${mp}.mountPath`));
    });
    // validateContainers: a liveness or startup probe passes on its first success.
    for (const probe of ['livenessProbe', 'startupProbe'] as const) {
      const threshold = (c[probe] as Obj | undefined)?.successThreshold;
      if (threshold !== undefined && threshold !== 1) errs.push(invalidValue(`${p}.${probe}.successThreshold`, threshold, 'must be 1'));
    }
  });
  return errs;
}

/** A subset of ValidatePodSpec, in its order: volumes, containers, restartPolicy, dnsPolicy. */
export function validatePodSpec(spec: Obj | undefined, path: string): StatusCause[] {
  const errs: StatusCause[] = [];
  const s = spec ?? {};
  const volumes = new Set<string>();
  (Array.isArray(s.volumes) ? s.volumes : []).forEach((v: Obj, i: number) => {
    const vp = `${path}.volumes[${i}]`;
    if (!v?.name) errs.push(required(`${vp}.name`));
    else {
      for (const m of dns1123LabelErrors(String(v.name))) errs.push(invalidValue(`${vp}.name`, v.name, m));
      if (volumes.has(v.name)) errs.push(duplicate(`${vp}.name`, v.name));
      volumes.add(v.name);
    }
  });
  const names = new Set<string>();
  errs.push(...validateContainers(s.initContainers, `${path}.initContainers`, volumes, names));
  if (!Array.isArray(s.containers) || s.containers.length === 0) errs.push(required(`${path}.containers`));
  else errs.push(...validateContainers(s.containers, `${path}.containers`, volumes, names));
  if (!RESTART.includes(s.restartPolicy)) errs.push(notSupported(`${path}.restartPolicy`, s.restartPolicy ?? '', RESTART));
  if (!DNS.includes(s.dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, s.dnsPolicy ?? '', DNS));
  if (typeof s.terminationGracePeriodSeconds === 'number' && s.terminationGracePeriodSeconds < 0)
    errs.push(invalidValue(`${path}.terminationGracePeriodSeconds`, s.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  return errs;
}

/** status.qosClass as qos.GetPodQOS computes it from the (defaulted) containers. */
export function podQOSClass(spec: Obj): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: Obj[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
