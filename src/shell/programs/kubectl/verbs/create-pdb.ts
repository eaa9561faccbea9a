/** kubectl create poddisruptionbudget|pdb (pkg/cmd/create/create_pdb.go). */
import { parseLabelSelector } from '../../../../cluster/api/selectors';
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { completeTyped, createOrPrint, TYPED_CREATE_FLAGS, wrapWith } from './create-typed';

const EXPRESSION_OPS: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
const GO_OPS: Record<string, string> = { '!=': '!=', gt: 'gt', lt: 'lt' };

/** metav1.ParseToLabelSelector: equalities to matchLabels, set operators to matchExpressions. */
export function parseToLabelSelector(selector: string): Record<string, unknown> {
  let reqs;
  try {
    reqs = parseLabelSelector(selector);
  } catch (e) {
    throw new KubectlError(`couldn't parse the selector string "${selector}": ${(e as Error).message}`);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Array<Record<string, unknown>> = [];
  for (const r of reqs) {
    if (r.operator === '=' || r.operator === '==') {
      matchLabels[r.key] = r.values[0];
      continue;
    }
    if (GO_OPS[r.operator]) throw new KubectlError(`"${GO_OPS[r.operator]}" isn't supported in label selectors`);
    const e: Record<string, unknown> = { key: r.key, operator: EXPRESSION_OPS[r.operator] };
    if (r.values.length) e.values = [...r.values].sort();
    matchExpressions.push(e);
  }
  const sel: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length) sel.matchLabels = matchLabels;
  if (matchExpressions.length) sel.matchExpressions = matchExpressions;
  return sel;
}

/** intstr.Parse: a number when it is one, else the string. */
const intOrString = (v: string): number | string => (/^-?[0-9]+$/.test(v) ? Number(v) : v);

export const createPodDisruptionBudgetCommand: Command = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  long: `Create a pod disruption budget with the specified name, selector, and desired minimum available pods.

Examples:
  # Create a pod disruption budget named my-pdb that will select all pods with the app=rails label
  # and require at least one of them being available at any point in time
  kubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1
  
  # Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label
  # and require at least half of the pods selected to be available at any point in time
  kubectl create pdb my-pdb --selector=app=nginx --min-available=50%`,
  usage: 'kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]',
  flags: [
    ...TYPED_CREATE_FLAGS,
    { name: 'min-available', type: 'string', usage: 'The minimum number or percentage of available pods this budget requires.' },
    { name: 'max-unavailable', type: 'string', usage: 'The maximum number or percentage of unavailable pods this budget requires.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this budget. Only equality-based selector requirements are supported.' },
  ],
  async run(inv, flags) {
    const name = completeTyped(inv, flags);
    const selector = flags.string('selector');
    const minAvailable = flags.string('min-available');
    const maxUnavailable = flags.string('max-unavailable');
    if (!selector) throw new KubectlError('a selector must be specified');
    if (!minAvailable && !maxUnavailable) throw new KubectlError('one of min-available or max-unavailable must be specified');
    if (minAvailable && maxUnavailable) throw new KubectlError('min-available and max-unavailable cannot be both specified');
    if (minAvailable && !/^[0-9]+%?$/.test(minAvailable)) throw new KubectlError('invalid format specified for min-available');
    if (maxUnavailable && !/^[0-9]+%?$/.test(maxUnavailable)) throw new KubectlError('invalid format specified for max-unavailable');
    const spec: Record<string, unknown> = {};
    if (minAvailable) spec.minAvailable = intOrString(minAvailable);
    else spec.maxUnavailable = intOrString(maxUnavailable);
    spec.selector = parseToLabelSelector(selector);
    const obj: KubeObject = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec };
    if (inv.namespaceExplicit) obj.metadata.namespace = inv.namespace;
    return createOrPrint(inv, flags, 'poddisruptionbudgets', obj, 'created', wrapWith('failed to create poddisruptionbudgets: '));
  },
};
