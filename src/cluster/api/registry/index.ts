/** The strategy for each served resource, keyed like discovery: `<resource>[.<group>]`. */
import { daemonSetStrategy, deploymentStrategy, replicaSetStrategy } from './deployment';
import { podDisruptionBudgetStrategy } from './pdb';
import { podStrategy } from './pod';
import { serviceStrategy } from './service';
import {
  configMapStrategy, controllerRevisionStrategy, endpointSliceStrategy, endpointsStrategy, eventStrategy,
  namespaceStrategy, nodeStrategy, secretStrategy, serviceAccountStrategy,
} from './simple';
import { statefulSetStrategy } from './statefulset';
import { pvcStrategy, pvStrategy, storageClassStrategy } from './storage';
import type { Strategy } from './types';

export const STRATEGIES: Record<string, Strategy> = {
  configmaps: configMapStrategy,
  endpoints: endpointsStrategy,
  events: eventStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  persistentvolumeclaims: pvcStrategy,
  persistentvolumes: pvStrategy,
  pods: podStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy,
  services: serviceStrategy,
  'controllerrevisions.apps': controllerRevisionStrategy,
  'daemonsets.apps': daemonSetStrategy,
  'deployments.apps': deploymentStrategy,
  'replicasets.apps': replicaSetStrategy,
  'statefulsets.apps': statefulSetStrategy,
  'endpointslices.discovery.k8s.io': endpointSliceStrategy,
  'poddisruptionbudgets.policy': podDisruptionBudgetStrategy,
  'storageclasses.storage.k8s.io': storageClassStrategy,
};

export type { Strategy, RegistryContext } from './types';
