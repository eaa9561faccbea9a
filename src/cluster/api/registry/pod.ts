/** core/v1 Pod: defaulting, create-time admission (service account, tolerations, priority), validation. */
import type { StatusCause } from '../errors';
import { deepClone, deepEqual } from '../object-utils';
import { forbidden } from './field-errors';
import { defaultPodSpec, podQOSClass, validatePodSpec } from './pod-spec';
import type { Obj, RegistryContext, Strategy } from './types';

const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function defaultRequestsFromLimits(spec: Obj): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c?.resources?.limits;
    if (!limits) continue;
    c.resources.requests ??= {};
    for (const [k, v] of Object.entries(limits)) c.resources.requests[k] ??= v;
  }
}

/** What the ServiceAccount, DefaultTolerationSeconds and Priority admission plugins add on create. */
function admit(spec: Obj, ctx: RegistryContext): void {
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tolerations: Obj[] = spec.tolerations ?? [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key && (t.effect === 'NoExecute' || !t.effect)))
      tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
  if (spec.automountServiceAccountToken === false) return;
  const containers: Obj[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  if (containers.some((c) => (c.volumeMounts ?? []).some((m: Obj) => m.mountPath === SA_MOUNT))) return;
  const name = `kube-api-access-${ctx.random.string(5)}`;
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    },
  ];
  for (const c of containers) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SA_MOUNT, name, readOnly: true }];
}

function maskMutable(spec: Obj, old: Obj): Obj {
  const s = deepClone(spec);
  for (const list of ['containers', 'initContainers']) {
    const olds: Obj[] = old[list] ?? [];
    (s[list] ?? []).forEach((c: Obj, i: number) => {
      if (olds[i]) c.image = olds[i].image;
    });
  }
  s.activeDeadlineSeconds = old.activeDeadlineSeconds;
  const oldTol: Obj[] = old.tolerations ?? [];
  const newTol: Obj[] = s.tolerations ?? [];
  if (oldTol.every((t) => newTol.some((n) => deepEqual(n, t)))) s.tolerations = old.tolerations;
  s.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  // Binding: a scheduler may set nodeName once (kubelab has no binding subresource call path).
  if (!old.nodeName && s.nodeName) s.nodeName = old.nodeName;
  return s;
}

export const podStrategy: Strategy = {
  kind: 'Pod',
  nameRule: 'subdomain',
  hasStatus: true,
  defaults(obj) {
    obj.spec ??= {};
    defaultPodSpec(obj.spec);
    obj.spec.enableServiceLinks ??= true;
    defaultRequestsFromLimits(obj.spec);
  },
  prepareForCreate(obj, ctx) {
    admit(obj.spec, ctx);
    obj.status = { phase: 'Pending', qosClass: podQOSClass(obj.spec) };
  },
  validate(obj) {
    return validatePodSpec(obj.spec, 'spec');
  },
  validateUpdate(obj, old) {
    const errs: StatusCause[] = validatePodSpec(obj.spec, 'spec');
    if (!deepEqual(maskMutable(obj.spec ?? {}, old.spec ?? {}), old.spec)) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
    return errs;
  },
  fieldLabels: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork ?? false),
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
};
