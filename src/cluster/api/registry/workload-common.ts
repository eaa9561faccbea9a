/** Pieces shared by the apps/v1 workload strategies: template defaulting and selector checks. */
import type { StatusCause } from '../errors';
import { isPlainObject } from '../object-utils';
import { labelSelectorMatcher } from '../selectors';
import { forbidden, invalidValue, notSupported, required } from './field-errors';
import { defaultPodSpec, validatePodSpec } from './pod-spec';
import type { Obj } from './types';

/** Template metadata as v1.32 serializes it: a zero creationTimestamp prints as null. */
export function defaultTemplate(template: Obj | undefined): Obj {
  const t = template ?? {};
  t.metadata ??= {};
  if (!('creationTimestamp' in t.metadata)) t.metadata.creationTimestamp = null;
  t.spec ??= {};
  defaultPodSpec(t.spec);
  return t;
}

/** Go's %#v of a *metav1.LabelSelector, as v1.32 field errors print it. */
export function goLabelSelector(sel: unknown): string {
  const s = isPlainObject(sel) ? sel : {};
  const ml = isPlainObject(s.matchLabels)
    ? `map[string]string{${Object.keys(s.matchLabels)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${JSON.stringify((s.matchLabels as Obj)[k])}`)
        .join(', ')}}`
    : 'map[string]string(nil)';
  const me = Array.isArray(s.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e: Obj) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key ?? '')}, Operator:${JSON.stringify(e.operator ?? '')}, Values:${Array.isArray(e.values) ? `[]string{${e.values.map((v: unknown) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

/** ValidateLabelSelectorRequirement for each of spec.selector's matchExpressions (operator and values). */
export function labelSelectorRequirementErrors(sel: unknown): StatusCause[] {
  if (!isPlainObject(sel)) return [];
  const errs: StatusCause[] = [];
  (Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []).forEach((e: Obj, i: number) => {
    const p = `spec.selector.matchExpressions[${i}]`;
    const hasValues = Array.isArray(e?.values) && e.values.length > 0;
    switch (e?.operator) {
      case 'In':
      case 'NotIn':
        if (!hasValues) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (hasValues) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalidValue(`${p}.operator`, e?.operator ?? '', 'not a valid selector operator'));
    }
  });
  return errs;
}

/** selector required / non-empty / well-formed, as each apps validator checks it. */
export function validateSelector(spec: Obj, what: string): StatusCause[] {
  const sel = spec.selector;
  if (!isPlainObject(sel)) return [required('spec.selector')];
  const errs = labelSelectorRequirementErrors(sel);
  const count = Object.keys(isPlainObject(sel.matchLabels) ? sel.matchLabels : {}).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0);
  if (count === 0) errs.push(invalidValue('spec.selector', sel, `empty selector is invalid for ${what}`, goLabelSelector(sel)));
  return errs;
}

export function selectorMatchesTemplate(spec: Obj): StatusCause[] {
  // A nil selector selects nothing (labels.Nothing()), so it also mismatches; an empty one matches all.
  const sel = spec.selector;
  const labels = spec.template?.metadata?.labels;
  if (isPlainObject(sel)) {
    const count = Object.keys(isPlainObject(sel.matchLabels) ? sel.matchLabels : {}).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0);
    if (count === 0 || labelSelectorMatcher(sel)(labels)) return [];
  }
  return [invalidValue('spec.template.metadata.labels', labels ?? {}, '`selector` does not match template `labels`', labels ? undefined : 'map[string]string(nil)')];
}

/** ValidatePodTemplateSpecForReplicaSet (Deployment, ReplicaSet, DaemonSet). */
export function validateReplicaSetTemplate(spec: Obj): StatusCause[] {
  const errs = selectorMatchesTemplate(spec);
  errs.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'Always' && !errs.some((e) => e.field === 'spec.template.spec.restartPolicy'))
    errs.push(notSupported('spec.template.spec.restartPolicy', rp ?? '', ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined)
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  return errs;
}
