/** apps/v1 StatefulSet: v1.32 defaulting (pkg/apis/apps/v1/defaults.go) and validation. */
import type { StatusCause } from '../errors';
import { deepClone, deepEqual, isPlainObject } from '../object-utils';
import { forbidden, invalidValue, nonNegative, notSupported, required } from './field-errors';
import type { Obj, Strategy } from './types';
import { defaultTemplate, goLabelSelector, selectorMatchesTemplate, validateSelector } from './workload-common';

const IMMUTABLE_SPEC =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/**
 * Validation runs on the internal apps type, and field.Invalid prints a struct
 * value with %#v (pre-1.34): the internal RollingUpdateStatefulSetStrategy has a
 * plain int32 Partition. Nested pointers print as addresses in Go; MaxUnavailable
 * is dropped while its feature gate is off (the v1.32 default), so it is nil.
 */
function goRollingUpdate(ru: Obj): string {
  const partition = typeof ru.partition === 'number' ? ru.partition : 0;
  return `apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:(*intstr.IntOrString)(nil)}`;
}

/** %#v of the internal StatefulSetUpdateStrategy; a set RollingUpdate pointer prints as an address. */
function goUpdateStrategy(us: Obj): string {
  const ru = us.rollingUpdate ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000a3c0d8)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)';
  return `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(us.type)}, RollingUpdate:${ru}}`;
}

function defaultClaimTemplate(t: Obj): void {
  t.apiVersion ??= 'v1';
  t.kind ??= 'PersistentVolumeClaim';
  t.metadata ??= {};
  if (!('creationTimestamp' in t.metadata)) t.metadata.creationTimestamp = null;
  t.spec ??= {};
  t.spec.volumeMode ??= 'Filesystem';
  t.status ??= {};
  t.status.phase ??= 'Pending';
}

function validateSpec(spec: Obj): StatusCause[] {
  const errs: StatusCause[] = [];
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel')
    errs.push(invalidValue('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us: Obj = spec.updateStrategy ?? {};
  if (!us.type) errs.push(required('spec.updateStrategy'));
  else if (us.type === 'OnDelete') {
    if (us.rollingUpdate)
      errs.push(invalidValue('spec.updateStrategy.rollingUpdate', us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'", goRollingUpdate(us.rollingUpdate)));
  } else if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate) errs.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', us.rollingUpdate.partition));
  } else {
    errs.push(invalidValue('spec.updateStrategy', us, "must be 'RollingUpdate' or 'OnDelete'", goUpdateStrategy(us)));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (isPlainObject(retention))
    for (const f of ['whenDeleted', 'whenScaled'])
      if (retention[f] !== 'Retain' && retention[f] !== 'Delete')
        errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, retention[f] ?? '', ['Retain', 'Delete']));
  errs.push(...nonNegative('spec.replicas', spec.replicas));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  if (isPlainObject(spec.ordinals)) errs.push(...nonNegative('spec.ordinals.start', spec.ordinals.start));
  errs.push(...validateSelector(spec, 'statefulset'));
  errs.push(...selectorMatchesTemplate(spec));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp ?? '', ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined)
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  return errs;
}

export const statefulSetStrategy: Strategy = {
  kind: 'StatefulSet',
  nameRule: 'label',
  hasGeneration: true,
  hasStatus: true,
  defaults(obj) {
    const spec = (obj.spec ??= {});
    spec.podManagementPolicy ||= 'OrderedReady';
    spec.updateStrategy ??= {};
    if (!spec.updateStrategy.type) {
      spec.updateStrategy.type = 'RollingUpdate';
      spec.updateStrategy.rollingUpdate ??= {};
    }
    if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate)
      spec.updateStrategy.rollingUpdate.partition ??= 0;
    spec.persistentVolumeClaimRetentionPolicy ??= {};
    spec.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain';
    spec.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain';
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.template = defaultTemplate(spec.template);
    if (Array.isArray(spec.volumeClaimTemplates)) for (const t of spec.volumeClaimTemplates) if (isPlainObject(t)) defaultClaimTemplate(t);
  },
  prepareForCreate(obj) {
    obj.status = { availableReplicas: 0, replicas: 0 };
  },
  validate(obj) {
    return validateSpec(obj.spec ?? {});
  },
  validateUpdate(obj, old) {
    const errs = validateSpec(obj.spec ?? {});
    const a = deepClone(obj.spec ?? {});
    const b = old.spec ?? {};
    for (const f of ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy']) {
      if (b[f] === undefined) delete a[f];
      else a[f] = b[f];
    }
    if (!deepEqual(a, b)) errs.push(forbidden('spec', IMMUTABLE_SPEC));
    return errs;
  },
};

export { goLabelSelector };
