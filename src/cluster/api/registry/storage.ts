/** PersistentVolumeClaim, PersistentVolume and StorageClass strategies. */
import type { StatusCause } from '../errors';
import { deepClone, deepEqual, isPlainObject } from '../object-utils';
import { forbidden, invalidValue, notSupported, required } from './field-errors';
import type { Obj, Strategy } from './types';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_SOURCES = ['hostPath', 'local', 'nfs', 'csi', 'iscsi', 'fc', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'cinder', 'flexVolume'];

function validateAccessModes(modes: unknown, path: string): StatusCause[] {
  if (!Array.isArray(modes) || modes.length === 0) return [required(path, 'at least 1 access mode is required')];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported(path, m, ACCESS_MODES));
}

/** ValidatePersistentVolumeClaimSpec, the parts kubelab's lessons reach. */
export function validateClaimSpec(spec: Obj | undefined, path: string): StatusCause[] {
  const s = spec ?? {};
  const errs = validateAccessModes(s.accessModes, `${path}.accessModes`);
  if (s.resources?.requests?.storage === undefined) errs.push(required(`${path}.resources[storage]`));
  if (s.volumeMode && !['Block', 'Filesystem'].includes(s.volumeMode)) errs.push(notSupported(`${path}.volumeMode`, s.volumeMode, ['Block', 'Filesystem']));
  return errs;
}

export const pvcStrategy: Strategy = {
  kind: 'PersistentVolumeClaim',
  nameRule: 'subdomain',
  hasStatus: true,
  defaults(obj) {
    obj.spec ??= {};
    obj.spec.volumeMode ??= 'Filesystem';
  },
  prepareForCreate(obj, ctx) {
    // DefaultStorageClass admission: only when storageClassName is absent, not "".
    if (obj.spec.storageClassName === undefined) {
      const dflt = ctx.defaultStorageClass();
      if (dflt) obj.spec.storageClassName = dflt;
    }
    obj.status = { phase: 'Pending' };
    // StorageObjectInUseProtection admission.
    if (!(obj.metadata.finalizers ?? []).includes(PVC_PROTECTION)) obj.metadata.finalizers = [...(obj.metadata.finalizers ?? []), PVC_PROTECTION];
  },
  validate: (obj) => validateClaimSpec(obj.spec, 'spec'),
  validateUpdate(obj, old) {
    const errs = validateClaimSpec(obj.spec, 'spec');
    const a = deepClone(obj.spec ?? {});
    const b = old.spec ?? {};
    if (!b.volumeName) a.volumeName = b.volumeName;
    if (b.storageClassName === undefined) a.storageClassName = undefined;
    if (a.resources && b.resources) a.resources.requests = b.resources.requests;
    if (!deepEqual(a, b)) errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests for bound claims'));
    return errs;
  },
};

export const pvStrategy: Strategy = {
  kind: 'PersistentVolume',
  nameRule: 'subdomain',
  hasStatus: true,
  defaults(obj) {
    obj.spec ??= {};
    obj.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    obj.spec.volumeMode ??= 'Filesystem';
    if (obj.spec.hostPath) obj.spec.hostPath.type ??= '';
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
    if (!(obj.metadata.finalizers ?? []).includes(PV_PROTECTION)) obj.metadata.finalizers = [...(obj.metadata.finalizers ?? []), PV_PROTECTION];
  },
  validate(obj) {
    const spec = obj.spec ?? {};
    const errs = validateAccessModes(spec.accessModes, 'spec.accessModes');
    if (!isPlainObject(spec.capacity) || spec.capacity.storage === undefined) errs.push(required('spec.capacity'));
    if (!VOLUME_SOURCES.some((s) => spec[s] !== undefined)) errs.push(required('spec', 'must specify a volume type'));
    const rp = spec.persistentVolumeReclaimPolicy;
    if (!['Delete', 'Recycle', 'Retain'].includes(rp)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', rp ?? '', ['Delete', 'Recycle', 'Retain']));
    return errs;
  },
};

export const storageClassStrategy: Strategy = {
  kind: 'StorageClass',
  nameRule: 'subdomain',
  defaults(obj) {
    obj.reclaimPolicy ??= 'Delete';
    obj.volumeBindingMode ??= 'Immediate';
  },
  validate(obj) {
    const errs: StatusCause[] = [];
    if (!obj.provisioner) errs.push(required('provisioner'));
    if (!['Delete', 'Retain'].includes(obj.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', obj.reclaimPolicy, ['Delete', 'Retain']));
    if (!['Immediate', 'WaitForFirstConsumer'].includes(obj.volumeBindingMode))
      errs.push(notSupported('volumeBindingMode', obj.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
    return errs;
  },
  validateUpdate(obj, old) {
    const errs: StatusCause[] = [];
    if (!deepEqual(obj.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (obj.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (obj.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    if (obj.volumeBindingMode !== old.volumeBindingMode) errs.push(invalidValue('volumeBindingMode', obj.volumeBindingMode, 'field is immutable'));
    return errs;
  },
};
