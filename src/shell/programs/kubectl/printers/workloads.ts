/** StatefulSets, Deployments, ReplicaSets, DaemonSets and ControllerRevisions. */
import { ageSince } from './age';
import { containerCells, formatLabels, formatLabelSelector, num } from './format';
import { col, type KindPrinter } from './types';

const containerColumns = [col('CONTAINERS', true), col('IMAGES', true)];

export const statefulSetPrinter: KindPrinter = {
  columns: [col('NAME'), col('READY'), col('AGE'), ...containerColumns],
  cells(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec);
    const desired = o.spec?.replicas ?? 0;
    return [o.metadata.name, `${num(o.status?.readyReplicas)}/${desired}`, ageSince(o.metadata.creationTimestamp, now), names, images];
  },
};

export const deploymentPrinter: KindPrinter = {
  columns: [col('NAME'), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), col('AGE'), ...containerColumns, col('SELECTOR', true)],
  cells(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec);
    return [
      o.metadata.name,
      `${num(o.status?.readyReplicas)}/${o.spec?.replicas ?? 0}`,
      String(num(o.status?.updatedReplicas)),
      String(num(o.status?.availableReplicas)),
      ageSince(o.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
};

export const replicaSetPrinter: KindPrinter = {
  columns: [col('NAME'), col('DESIRED'), col('CURRENT'), col('READY'), col('AGE'), ...containerColumns, col('SELECTOR', true)],
  cells(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec);
    return [
      o.metadata.name,
      String(o.spec?.replicas ?? 0),
      String(num(o.status?.replicas)),
      String(num(o.status?.readyReplicas)),
      ageSince(o.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    col('NAME'),
    col('DESIRED'),
    col('CURRENT'),
    col('READY'),
    col('UP-TO-DATE'),
    col('AVAILABLE'),
    col('NODE SELECTOR'),
    col('AGE'),
    ...containerColumns,
    col('SELECTOR', true),
  ],
  cells(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec);
    const s = o.status ?? {};
    return [
      o.metadata.name,
      String(num(s.desiredNumberScheduled)),
      String(num(s.currentNumberScheduled)),
      String(num(s.numberReady)),
      String(num(s.updatedNumberScheduled)),
      String(num(s.numberAvailable)),
      formatLabels(o.spec?.template?.spec?.nodeSelector),
      ageSince(o.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
};

export const controllerRevisionPrinter: KindPrinter = {
  columns: [col('NAME'), col('CONTROLLER'), col('REVISION'), col('AGE')],
  cells(o, now) {
    const ref = ((o.metadata.ownerReferences ?? []) as Array<Record<string, unknown>>).find((r) => r.controller === true);
    let controller = '<none>';
    if (ref) {
      const apiVersion = String(ref.apiVersion ?? '');
      const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
      const kind = String(ref.kind ?? '').toLowerCase();
      controller = `${group ? `${kind}.${group}` : kind}/${String(ref.name)}`;
    }
    return [o.metadata.name, controller, String(o.revision ?? 0), ageSince(o.metadata.creationTimestamp, now)];
  },
};
