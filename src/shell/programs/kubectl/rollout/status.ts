/** polymorphichelpers/rollout_status.go: one status line per object state, and whether the rollout is done. */
import type { Json } from '../printers/types';

export interface RolloutStatus {
  message: string;
  done: boolean;
  /** An error ends the command (kubectl prints it instead of a line). */
  error?: string;
}

export function statefulSetStatus(sts: Json): RolloutStatus {
  const spec = sts.spec ?? {};
  const status = sts.status ?? {};
  const strategy = spec.updateStrategy ?? {};
  if (strategy.type !== 'RollingUpdate') {
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const observed = status.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas: number | undefined = spec.replicas;
  const ready = status.readyReplicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) {
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  }
  const ru = strategy.rollingUpdate;
  if (ru) {
    if (replicas !== undefined && ru.partition !== undefined && ru.partition !== null && updated < replicas - ru.partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - ru.partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision ?? ''}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`, done: true };
}

export function deploymentStatus(d: Json, revision = 0): RolloutStatus {
  const name = d.metadata?.name ?? '';
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  if (revision > 0) {
    const current = Number(d.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    if (current !== revision) return { message: '', done: false, error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  if ((d.metadata?.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = ((status.conditions ?? []) as Json[]).find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: false, error: `deployment ${JSON.stringify(name)} exceeded its progress deadline` };
    const updated = status.updatedReplicas ?? 0;
    if (spec.replicas !== undefined && updated < spec.replicas) {
      return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`, done: false };
    }
    if ((status.replicas ?? 0) > updated) {
      return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    }
    if ((status.availableReplicas ?? 0) < updated) {
      return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

export function daemonSetStatus(ds: Json): RolloutStatus {
  const name = JSON.stringify(ds.metadata?.name ?? '');
  const status = ds.status ?? {};
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') {
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  if ((ds.metadata?.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const desired = status.desiredNumberScheduled ?? 0;
    if ((status.updatedNumberScheduled ?? 0) < desired) {
      return { message: `Waiting for daemon set ${name} rollout to finish: ${status.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    }
    if ((status.numberAvailable ?? 0) < desired) {
      return { message: `Waiting for daemon set ${name} rollout to finish: ${status.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    }
    return { message: `daemon set ${name} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

/** StatusViewerFor: undefined for kinds without a viewer. */
export function statusViewerFor(group: string, kind: string): ((obj: Json, revision: number) => RolloutStatus) | undefined {
  if (group !== 'apps') return undefined;
  if (kind === 'StatefulSet') return (o) => statefulSetStatus(o);
  if (kind === 'Deployment') return (o, r) => deploymentStatus(o, r);
  if (kind === 'DaemonSet') return (o) => daemonSetStatus(o);
  return undefined;
}
