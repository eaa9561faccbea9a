/** The small core kinds: Namespace, Node, ConfigMap, Secret, ServiceAccount, Event, Endpoints, EndpointSlice, ControllerRevision. */
import type { StatusCause } from '../errors';
import { deepEqual } from '../object-utils';
import { immutable, nonNegative, required } from './field-errors';
import type { Strategy } from './types';

export const namespaceStrategy: Strategy = {
  kind: 'Namespace',
  nameRule: 'label',
  hasStatus: true,
  defaults(obj) {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
    obj.spec ??= {};
  },
  prepareForCreate(obj) {
    obj.spec.finalizers ??= ['kubernetes'];
    obj.status = { phase: 'Active' };
  },
  fieldLabels: { 'status.phase': (o) => o.status?.phase ?? '' },
};

export const nodeStrategy: Strategy = {
  kind: 'Node',
  nameRule: 'subdomain',
  hasStatus: true,
  fieldLabels: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false) },
};

export const configMapStrategy: Strategy = { kind: 'ConfigMap', nameRule: 'subdomain' };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a string's UTF-8 bytes (no host btoa in the core). */
export function base64Encode(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

export const secretStrategy: Strategy = {
  kind: 'Secret',
  nameRule: 'subdomain',
  defaults(obj) {
    obj.type ??= 'Opaque';
    // stringData is write-only: merged into data, never stored.
    if (obj.stringData && typeof obj.stringData === 'object') {
      obj.data ??= {};
      for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = base64Encode(String(v));
      delete obj.stringData;
    }
  },
  fieldLabels: { type: (o) => o.type ?? '' },
};

export const serviceAccountStrategy: Strategy = { kind: 'ServiceAccount', nameRule: 'subdomain' };

export const eventStrategy: Strategy = {
  kind: 'Event',
  nameRule: 'path',
  fieldLabels: {
    'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
    'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
    'involvedObject.name': (o) => o.involvedObject?.name ?? '',
    'involvedObject.uid': (o) => o.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    source: (o) => o.source?.component ?? '',
    type: (o) => o.type ?? '',
  },
};

export const endpointsStrategy: Strategy = { kind: 'Endpoints', nameRule: 'subdomain' };

export const endpointSliceStrategy: Strategy = {
  kind: 'EndpointSlice',
  nameRule: 'subdomain',
  validate(obj) {
    return obj.addressType ? [] : [required('addressType')];
  },
};

export const controllerRevisionStrategy: Strategy = {
  kind: 'ControllerRevision',
  nameRule: 'subdomain',
  validate(obj) {
    const errs: StatusCause[] = [];
    if (obj.data === undefined || obj.data === null) errs.push(required('data', 'data is mandatory'));
    errs.push(...nonNegative('revision', obj.revision));
    return errs;
  },
  validateUpdate(obj, old) {
    const errs: StatusCause[] = [];
    if (obj.data === undefined || obj.data === null) errs.push(required('data', 'data is mandatory'));
    if (!deepEqual(obj.data, old.data)) errs.push(immutable('data', obj.data));
    return errs;
  },
};
