import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { golden, seedLines } from './seed-replay';

// Seed 004: a namespace, a headless Service, statefulset-nginx on an NFS class; pods deleted
// keep their names, hostnames and data but get new IPs. (Its nslookup steps run inside pods:
// tests/transcripts/in-pod-seeds.test.ts.)
const HEADLESS_SERVICE = `apiVersion: v1
kind: Service       # The object type is Service.
metadata:
  name: headless-svc
  labels:
    app: nginx
spec:
  ports:
    - name: nginx     # Name of the port for communication between pods
      port: 80        # Number of the port for communication between pods
  selector:
    app: nginx        # Select the pod whose label is app:nginx.
  clusterIP: None     # Set this parameter to None, indicating that a headless Service is to be created.
`;

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: statefulset-nginx
spec:
  serviceName: headless-svc                             # Name of the headless Service
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: container-0
          image: r.deso.tech/library/nginx
          resources:
            limits:
              cpu: 100m
              memory: 200Mi
            requests:
              cpu: 100m
              memory: 200Mi
          volumeMounts:                           # Storage mounted to the pod
          - name:  data
            mountPath: /usr/share/nginx/html      # Mount the storage to /usr/share/nginx/html.
      imagePullSecrets:
        - name: default-secret
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes:
      - ReadWriteMany
      resources:
        requests:
          storage: 1Gi
      storageClassName: nfs-storageclass                   # Insert Storage class for Persistent storage class
`;

const STORAGE_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: nfs-storageclass
provisioner: nfs-deso-provisioner
reclaimPolicy: Delete
volumeBindingMode: Immediate
`;

let session: Session;
afterEach(() => session?.close());

describe('seed 004: statefulset-nginx in its own namespace, on NFS volumes', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({
      seed: 1,
      files: {
        'statefulset-headless.yaml': HEADLESS_SERVICE,
        'statefulset-nginx.yaml': STATEFULSET,
        'nfs-storageclass.yaml': STORAGE_CLASS,
      },
    });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design:
// - its watch shows one Pending row per pod: real kubectl prints one row per update, and with an
//   Immediate class the scheduler first reports the unbound claim (a status update), then binds.
// - kubectl get pv in v1.32 has the VOLUMEATTRIBUTESCLASS column; get sc lists kind's
//   standard class beside the learner's; the context is the lab's, not the seed's xxxxx@xxxxxx.
const TRANSCRIPT = golden('seed-004.txt');
