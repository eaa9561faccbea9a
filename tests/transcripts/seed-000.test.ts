import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { golden, seedLines } from './seed-replay';

// Seed 000: create a StatefulSet with a claim template, scale out, in and out again,
// delete a pod and find the same name and claim, keep a file on the volume.
const STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: disk-ssd
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: disk-ssd
    spec:
      accessModes: [ "ReadWriteOnce" ]
      storageClassName: "alicloud-disk-ssd"
      resources:
        requests:
          storage: 20Gi
`;

// The seed ran on a cluster that had this class; a learner creates it first. With
// WaitForFirstConsumer the pod is bound once its volume is provisioned, which gives the
// seed's two Pending rows (Immediate adds a FailedScheduling status update while the claim is unbound).
const STORAGE_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: alicloud-disk-ssd
provisioner: diskplugin.csi.alibabacloud.com
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
`;

let session: Session;
afterEach(() => session?.close());

describe('seed 000: a StatefulSet with cloud disks, scaled and healed', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': STATEFULSET, 'sc.yaml': STORAGE_CLASS } });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design:
// - describe prints ClaimName indented under Volumes; the seed's copy lost the indent.
// - the seed's volumes are Alibaba disk ids and its disks ext4 (lost+found); kubelab's
//   provisioner names volumes pvc-<uid> and hands out empty filesystems.
// - exec without -- is v1.32's error (reference README).
const TRANSCRIPT = golden('seed-000.txt');
