/** policy/v1 PodDisruptionBudget: validation as pkg/apis/policy/validation, status reset on create. */
import type { StatusCause } from '../errors';
import { invalidValue, nonNegative, notSupported } from './field-errors';
import { labelSelectorRequirementErrors } from './workload-common';
import type { Obj, Strategy } from './types';

const PERCENT = /^[0-9]+%$/;
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** Go's %#v of an intstr.IntOrString value (field.Invalid prints it so in v1.32). */
function goIntOrString(v: unknown): string {
  return typeof v === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}` : `intstr.IntOrString{Type:0, IntVal:${Number(v)}, StrVal:""}`;
}

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
function intOrPercentErrors(field: string, v: unknown): StatusCause[] {
  if (typeof v === 'number') return nonNegative(field, v);
  if (typeof v !== 'string') return [invalidValue(field, v, "must be an integer or percentage (e.g '5%')")];
  if (!PERCENT.test(v)) return [invalidValue(field, v, PERCENT_MSG, goIntOrString(v))];
  if (Number(v.slice(0, -1)) > 100) return [invalidValue(field, v, 'must not be greater than 100%', goIntOrString(v))];
  return [];
}

/** Go's %#v of the internal spec, as the both-set error prints it (pointer values vary on a real server). */
function goSpec(spec: Obj): string {
  const ptr = (v: unknown, type: string, addr: string) => (v === undefined || v === null ? `(*${type})(nil)` : `(*${type})(${addr})`);
  return `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr(spec.minAvailable, 'intstr.IntOrString', '0xc000a1c3a0')}, Selector:${ptr(spec.selector, 'v1.LabelSelector', '0xc000b5e2d0')}, MaxUnavailable:${ptr(spec.maxUnavailable, 'intstr.IntOrString', '0xc000a1c3c0')}, UnhealthyPodEvictionPolicy:${ptr(spec.unhealthyPodEvictionPolicy, 'policy.UnhealthyPodEvictionPolicyType', '0xc000a1c3e0')}}`;
}

export function validatePdbSpec(spec: Obj): StatusCause[] {
  const errs: StatusCause[] = [];
  const has = (v: unknown) => v !== undefined && v !== null;
  if (has(spec.minAvailable) && has(spec.maxUnavailable)) errs.push(invalidValue('spec', spec, 'minAvailable and maxUnavailable cannot be both set', goSpec(spec)));
  if (has(spec.minAvailable)) errs.push(...intOrPercentErrors('spec.minAvailable', spec.minAvailable));
  if (has(spec.maxUnavailable)) errs.push(...intOrPercentErrors('spec.maxUnavailable', spec.maxUnavailable));
  errs.push(...labelSelectorRequirementErrors(spec.selector));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (has(policy) && !EVICTION_POLICIES.includes(String(policy))) errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, EVICTION_POLICIES));
  return errs;
}

export const podDisruptionBudgetStrategy: Strategy = {
  kind: 'PodDisruptionBudget',
  nameRule: 'subdomain',
  hasGeneration: true,
  hasStatus: true,
  defaults(obj) {
    obj.spec ??= {};
  },
  prepareForCreate(obj) {
    obj.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
  validate: (obj) => validatePdbSpec(obj.spec ?? {}),
};
