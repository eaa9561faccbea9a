/** apps/v1 Deployment, ReplicaSet and DaemonSet: defaulting and validation. */
import type { StatusCause } from '../errors';
import { deepEqual } from '../object-utils';
import { forbidden, invalidValue, nonNegative, notSupported } from './field-errors';
import type { Obj, Strategy } from './types';
import { defaultTemplate, goLabelSelector, validateReplicaSetTemplate, validateSelector } from './workload-common';

function selectorImmutable(obj: Obj, old: Obj): StatusCause[] {
  if (deepEqual(obj.spec?.selector, old.spec?.selector)) return [];
  return [invalidValue('spec.selector', obj.spec?.selector, 'field is immutable', goLabelSelector(obj.spec?.selector))];
}

function validateDeploymentSpec(spec: Obj): StatusCause[] {
  const errs = nonNegative('spec.replicas', spec.replicas);
  errs.push(...validateSelector(spec, 'deployment'));
  errs.push(...validateReplicaSetTemplate(spec));
  const type = spec.strategy?.type;
  if (type !== 'Recreate' && type !== 'RollingUpdate') errs.push(notSupported('spec.strategy.type', type ?? '', ['Recreate', 'RollingUpdate']));
  else if (type === 'Recreate' && spec.strategy.rollingUpdate)
    errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  if (typeof spec.progressDeadlineSeconds === 'number' && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
    errs.push(invalidValue('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  return errs;
}

export const deploymentStrategy: Strategy = {
  kind: 'Deployment',
  nameRule: 'subdomain',
  hasGeneration: true,
  hasStatus: true,
  defaults(obj) {
    const spec = (obj.spec ??= {});
    spec.replicas ??= 1;
    spec.strategy ??= {};
    spec.strategy.type ||= 'RollingUpdate';
    if (spec.strategy.type === 'RollingUpdate') {
      spec.strategy.rollingUpdate ??= {};
      spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
      spec.strategy.rollingUpdate.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    spec.template = defaultTemplate(spec.template);
  },
  prepareForCreate(obj) {
    obj.status = {};
  },
  validate: (obj) => validateDeploymentSpec(obj.spec ?? {}),
  validateUpdate: (obj, old) => [...validateDeploymentSpec(obj.spec ?? {}), ...selectorImmutable(obj, old)],
};

function validateReplicaSetSpec(spec: Obj): StatusCause[] {
  const errs = nonNegative('spec.replicas', spec.replicas);
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...validateSelector(spec, 'deployment'));
  errs.push(...validateReplicaSetTemplate(spec));
  return errs;
}

export const replicaSetStrategy: Strategy = {
  kind: 'ReplicaSet',
  nameRule: 'subdomain',
  hasGeneration: true,
  hasStatus: true,
  defaults(obj) {
    const spec = (obj.spec ??= {});
    spec.replicas ??= 1;
    spec.template = defaultTemplate(spec.template);
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  validate: (obj) => validateReplicaSetSpec(obj.spec ?? {}),
  validateUpdate: (obj, old) => [...validateReplicaSetSpec(obj.spec ?? {}), ...selectorImmutable(obj, old)],
  fieldLabels: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
};

function validateDaemonSetSpec(spec: Obj): StatusCause[] {
  const errs = validateSelector(spec, 'daemonset');
  errs.push(...validateReplicaSetTemplate(spec));
  const type = spec.updateStrategy?.type;
  if (type !== 'OnDelete' && type !== 'RollingUpdate') errs.push(notSupported('spec.updateStrategy.type', type ?? '', ['OnDelete', 'RollingUpdate']));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}

export const daemonSetStrategy: Strategy = {
  kind: 'DaemonSet',
  nameRule: 'subdomain',
  hasGeneration: true,
  hasStatus: true,
  defaults(obj) {
    const spec = (obj.spec ??= {});
    spec.updateStrategy ??= {};
    spec.updateStrategy.type ||= 'RollingUpdate';
    if (spec.updateStrategy.type === 'RollingUpdate') {
      spec.updateStrategy.rollingUpdate ??= {};
      spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
      spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    spec.template = defaultTemplate(spec.template);
  },
  prepareForCreate(obj) {
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  },
  validate: (obj) => validateDaemonSetSpec(obj.spec ?? {}),
  validateUpdate: (obj, old) => [...validateDaemonSetSpec(obj.spec ?? {}), ...selectorImmutable(obj, old)],
};
