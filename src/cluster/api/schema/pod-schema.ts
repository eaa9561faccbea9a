/** core/v1 PodSpec and Container field names (v1.32). */
import type { FieldSchema } from './schema-types';
import { labelSelector, objectMeta } from './meta-schema';

const keyRef = { name: 1, key: 1, optional: 1 } as const;
const handler: FieldSchema = {
  exec: { command: 1 },
  httpGet: { path: 1, port: 1, host: 1, scheme: 1, httpHeaders: [{ name: 1, value: 1 }] },
  tcpSocket: { port: 1, host: 1 },
  sleep: { seconds: 1 },
};
const probe: FieldSchema = {
  exec: { command: 1 },
  httpGet: { path: 1, port: 1, host: 1, scheme: 1, httpHeaders: [{ name: 1, value: 1 }] },
  tcpSocket: { port: 1, host: 1 },
  grpc: { port: 1, service: 1 },
  initialDelaySeconds: 1, timeoutSeconds: 1, periodSeconds: 1, successThreshold: 1, failureThreshold: 1,
  terminationGracePeriodSeconds: 1,
};
const seccomp = { type: 1, localhostProfile: 1 } as const;

export const resourceRequirements: FieldSchema = { limits: 'map', requests: 'map', claims: [{ name: 1, request: 1 }] };

export const container: FieldSchema = {
  name: 1, image: 1, command: 1, args: 1, workingDir: 1,
  ports: [{ name: 1, hostPort: 1, containerPort: 1, protocol: 1, hostIP: 1 }],
  envFrom: [{ prefix: 1, configMapRef: { name: 1, optional: 1 }, secretRef: { name: 1, optional: 1 } }],
  env: [
    {
      name: 1, value: 1,
      valueFrom: {
        fieldRef: { apiVersion: 1, fieldPath: 1 },
        resourceFieldRef: { containerName: 1, resource: 1, divisor: 1 },
        configMapKeyRef: keyRef, secretKeyRef: keyRef,
      },
    },
  ],
  resources: resourceRequirements,
  resizePolicy: [{ resourceName: 1, restartPolicy: 1 }],
  restartPolicy: 1,
  volumeMounts: [{ name: 1, readOnly: 1, recursiveReadOnly: 1, mountPath: 1, subPath: 1, mountPropagation: 1, subPathExpr: 1 }],
  volumeDevices: [{ name: 1, devicePath: 1 }],
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe,
  lifecycle: { postStart: handler, preStop: handler, stopSignal: 1 },
  terminationMessagePath: 1, terminationMessagePolicy: 1, imagePullPolicy: 1,
  securityContext: {
    capabilities: { add: 1, drop: 1 }, privileged: 1, seLinuxOptions: 1, windowsOptions: 1, runAsUser: 1,
    runAsGroup: 1, runAsNonRoot: 1, readOnlyRootFilesystem: 1, allowPrivilegeEscalation: 1, procMount: 1,
    seccompProfile: seccomp, appArmorProfile: seccomp,
  },
  stdin: 1, stdinOnce: 1, tty: 1,
};

const keyToPath = [{ key: 1, path: 1, mode: 1 }] as [FieldSchema];

export const volume: FieldSchema = {
  name: 1,
  emptyDir: { medium: 1, sizeLimit: 1 },
  configMap: { name: 1, items: keyToPath, defaultMode: 1, optional: 1 },
  secret: { secretName: 1, items: keyToPath, defaultMode: 1, optional: 1 },
  persistentVolumeClaim: { claimName: 1, readOnly: 1 },
  hostPath: { path: 1, type: 1 },
  nfs: { server: 1, path: 1, readOnly: 1 },
  projected: 1, downwardAPI: 1, csi: 1, ephemeral: 1, image: 1, iscsi: 1, local: 1,
};

export const podSpec: FieldSchema = {
  volumes: [volume],
  initContainers: [container],
  containers: [container],
  ephemeralContainers: [{ ...container, targetContainerName: 1 }],
  restartPolicy: 1, terminationGracePeriodSeconds: 1, activeDeadlineSeconds: 1, dnsPolicy: 1,
  nodeSelector: 'map', serviceAccountName: 1, serviceAccount: 1, automountServiceAccountToken: 1, nodeName: 1,
  hostNetwork: 1, hostPID: 1, hostIPC: 1, shareProcessNamespace: 1,
  securityContext: {
    seLinuxOptions: 1, windowsOptions: 1, runAsUser: 1, runAsGroup: 1, runAsNonRoot: 1, supplementalGroups: 1,
    supplementalGroupsPolicy: 1, fsGroup: 1, sysctls: [{ name: 1, value: 1 }], fsGroupChangePolicy: 1,
    seccompProfile: seccomp, appArmorProfile: seccomp, seLinuxChangePolicy: 1,
  },
  imagePullSecrets: [{ name: 1 }],
  hostname: 1, subdomain: 1,
  affinity: { nodeAffinity: 1, podAffinity: 1, podAntiAffinity: 1 },
  schedulerName: 1,
  tolerations: [{ key: 1, operator: 1, value: 1, effect: 1, tolerationSeconds: 1 }],
  hostAliases: [{ ip: 1, hostnames: 1 }],
  priorityClassName: 1, priority: 1,
  dnsConfig: { nameservers: 1, searches: 1, options: [{ name: 1, value: 1 }] },
  readinessGates: [{ conditionType: 1 }],
  runtimeClassName: 1, enableServiceLinks: 1, preemptionPolicy: 1, overhead: 'map',
  topologySpreadConstraints: [
    {
      maxSkew: 1, topologyKey: 1, whenUnsatisfiable: 1, labelSelector, minDomains: 1, nodeAffinityPolicy: 1,
      nodeTaintsPolicy: 1, matchLabelKeys: 1,
    },
  ],
  setHostnameAsFQDN: 1, os: { name: 1 }, hostUsers: 1, schedulingGates: [{ name: 1 }], resourceClaims: 1,
  resources: resourceRequirements,
};

export const podTemplateSpec: FieldSchema = { metadata: objectMeta, spec: podSpec };
