/** Which printer draws which kind; unknown kinds get the default `NAME AGE` table. */
import { ageSince } from './age';
import * as core from './core';
import { endpointSlicePrinter } from './endpointslice';
import { podPrinter } from './pod';
import { podDisruptionBudgetPrinter } from './policy';
import * as storage from './storage';
import { col, type KindPrinter } from './types';
import * as workloads from './workloads';

const PRINTERS: Record<string, KindPrinter> = {
  Pod: podPrinter,
  Service: core.servicePrinter,
  Endpoints: core.endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  Namespace: core.namespacePrinter,
  Node: core.nodePrinter,
  ConfigMap: core.configMapPrinter,
  Secret: core.secretPrinter,
  ServiceAccount: core.serviceAccountPrinter,
  Event: core.eventPrinter,
  PersistentVolumeClaim: storage.pvcPrinter,
  PersistentVolume: storage.pvPrinter,
  StorageClass: storage.storageClassPrinter,
  StatefulSet: workloads.statefulSetPrinter,
  Deployment: workloads.deploymentPrinter,
  ReplicaSet: workloads.replicaSetPrinter,
  DaemonSet: workloads.daemonSetPrinter,
  ControllerRevision: workloads.controllerRevisionPrinter,
  PodDisruptionBudget: podDisruptionBudgetPrinter,
};

export const defaultPrinter: KindPrinter = {
  columns: [col('NAME'), col('AGE')],
  cells: (o, now) => [o.metadata.name, ageSince(o.metadata.creationTimestamp, now)],
};

export function printerFor(kind: string): KindPrinter {
  return PRINTERS[kind] ?? defaultPrinter;
}
