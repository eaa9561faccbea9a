/** Strict-decoding schemas of the kinds kubelab serves, keyed by Kind. */
import type { FieldSchema } from './schema-types';
import { labelSelector, objectMeta, root } from './meta-schema';
import { podSpec, podTemplateSpec, resourceRequirements } from './pod-schema';

const pvcSpec: FieldSchema = {
  accessModes: 1, selector: labelSelector, resources: resourceRequirements, volumeName: 1, storageClassName: 1,
  volumeMode: 1, dataSource: { apiGroup: 1, kind: 1, name: 1 },
  dataSourceRef: { apiGroup: 1, kind: 1, name: 1, namespace: 1 }, volumeAttributesClassName: 1,
};

const pvcStatus: FieldSchema = {
  phase: 1, accessModes: 1, capacity: 'map', conditions: 1, allocatedResources: 'map', allocatedResourceStatuses: 'map',
  currentVolumeAttributesClassName: 1, modifyVolumeStatus: 1,
};

const rollingUpdateDeployment = { maxUnavailable: 1, maxSurge: 1 } as const;

export const KIND_SCHEMAS: Record<string, FieldSchema> = {
  Pod: root({ spec: podSpec, status: 1 }),
  Service: root({
    spec: {
      ports: [{ name: 1, protocol: 1, appProtocol: 1, port: 1, targetPort: 1, nodePort: 1 }],
      selector: 'map', clusterIP: 1, clusterIPs: 1, type: 1, externalIPs: 1, sessionAffinity: 1, loadBalancerIP: 1,
      loadBalancerSourceRanges: 1, externalName: 1, externalTrafficPolicy: 1, healthCheckNodePort: 1,
      publishNotReadyAddresses: 1, sessionAffinityConfig: 1, ipFamilies: 1, ipFamilyPolicy: 1,
      allocateLoadBalancerNodePorts: 1, loadBalancerClass: 1, internalTrafficPolicy: 1, trafficDistribution: 1,
    },
    status: 1,
  }),
  StatefulSet: root({
    spec: {
      replicas: 1, selector: labelSelector, template: podTemplateSpec,
      volumeClaimTemplates: [{ apiVersion: 1, kind: 1, metadata: objectMeta, spec: pvcSpec, status: pvcStatus }],
      serviceName: 1, podManagementPolicy: 1,
      updateStrategy: { type: 1, rollingUpdate: { partition: 1, maxUnavailable: 1 } },
      revisionHistoryLimit: 1, minReadySeconds: 1,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 1, whenScaled: 1 },
      ordinals: { start: 1 },
    },
    status: 1,
  }),
  Deployment: root({
    spec: {
      replicas: 1, selector: labelSelector, template: podTemplateSpec,
      strategy: { type: 1, rollingUpdate: rollingUpdateDeployment },
      minReadySeconds: 1, revisionHistoryLimit: 1, paused: 1, progressDeadlineSeconds: 1,
    },
    status: 1,
  }),
  ReplicaSet: root({ spec: { replicas: 1, minReadySeconds: 1, selector: labelSelector, template: podTemplateSpec }, status: 1 }),
  DaemonSet: root({
    spec: {
      selector: labelSelector, template: podTemplateSpec,
      updateStrategy: { type: 1, rollingUpdate: rollingUpdateDeployment },
      minReadySeconds: 1, revisionHistoryLimit: 1,
    },
    status: 1,
  }),
  PersistentVolumeClaim: root({ spec: pvcSpec, status: pvcStatus }),
  PersistentVolume: root({
    spec: {
      capacity: 'map', accessModes: 1, claimRef: { kind: 1, namespace: 1, name: 1, uid: 1, apiVersion: 1, resourceVersion: 1, fieldPath: 1 },
      persistentVolumeReclaimPolicy: 1, storageClassName: 1, mountOptions: 1, volumeMode: 1, nodeAffinity: 1,
      volumeAttributesClassName: 1, hostPath: { path: 1, type: 1 }, local: { path: 1, fsType: 1 },
      nfs: { server: 1, path: 1, readOnly: 1 }, csi: 1, iscsi: 1, fc: 1, awsElasticBlockStore: 1, gcePersistentDisk: 1,
      azureDisk: 1, azureFile: 1, cephfs: 1, rbd: 1, cinder: 1, flexVolume: 1,
    },
    status: 1,
  }),
  StorageClass: root({
    provisioner: 1, parameters: 'map', reclaimPolicy: 1, mountOptions: 1, allowVolumeExpansion: 1,
    volumeBindingMode: 1, allowedTopologies: 1,
  }),
  ConfigMap: root({ data: 'map', binaryData: 'map', immutable: 1 }),
  Secret: root({ data: 'map', stringData: 'map', type: 1, immutable: 1 }),
  Namespace: root({ spec: { finalizers: 1 }, status: 1 }),
  ServiceAccount: root({ secrets: 1, imagePullSecrets: [{ name: 1 }], automountServiceAccountToken: 1 }),
  ControllerRevision: root({ data: 1, revision: 1 }),
  PodDisruptionBudget: root({ spec: { minAvailable: 1, maxUnavailable: 1, selector: labelSelector, unhealthyPodEvictionPolicy: 1 }, status: 1 }),
};
