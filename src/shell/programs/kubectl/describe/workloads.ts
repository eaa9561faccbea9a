/** describeStatefulSet, describeDeployment, describeReplicaSet (describe.go). */
import type { Json } from '../printers/types';
import { formatLabelSelector } from '../printers/format';
import { controllerOf, describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, str } from './common';
import { describePodTemplate } from './containers';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { describeVolumeClaimTemplates } from './volumes';

/** Pods of a controller by phase (getPodStatusForController); Pending counts as Waiting. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

export function countPodPhases(pods: Json[], ownerUid: string | undefined): PodPhaseCounts {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const ref = ((pod.metadata?.ownerReferences ?? []) as Json[]).find((r) => r.controller === true);
    if (!ref || ref.uid !== ownerUid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

const podsStatus = (c: PodPhaseCounts) => `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

/** metav1.LabelSelectorAsSelector(...).String(): empty for a selector that selects everything. */
function selectorString(selector: Json): string {
  const s = formatLabelSelector(selector);
  return s === '<none>' ? '' : s;
}

function describeConditionsTable(conditions: Json[] | undefined, w: PrefixWriter): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

export function describeStatefulSet(sts: Json, counts: PodPhaseCounts, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = sts.metadata ?? {};
    const spec = sts.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${str(spec.updateStrategy?.type)}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    describeEvents(events, w, now);
  });
}

function replicaSetsByLabels(sets: Json[]): string {
  const list = sets.map((rs) => `${str(rs.metadata?.name)} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return list || '<none>';
}

export function describeDeployment(d: Json, oldSets: Json[], newSets: Json[], events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = d.metadata ?? {};
    const spec = d.spec ?? {};
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${str(spec.strategy?.type)}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${str(ru.maxUnavailable)} max unavailable, ${str(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w);
    describeConditionsTable(status.conditions, w);
    if (oldSets.length || newSets.length) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldSets)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newSets)}\n`);
    }
    describeEvents(events, w, now);
  });
}

export function describeReplicaSet(rs: Json, counts: PodPhaseCounts, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = rs.metadata ?? {};
    const spec = rs.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const controlledBy = controllerOf(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeConditionsTable(rs.status?.conditions, w);
    describeEvents(events, w, now);
  });
}
