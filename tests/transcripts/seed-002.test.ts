import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { golden, seedLines } from './seed-replay';

// Seed 002: the Chinese edition of seed 000, whose StatefulSet still says apps/v1beta2.
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
apiVersion: apps/v1beta2
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

// The seed's cluster had this class; the learner creates it (WaitForFirstConsumer: see seed-000.test.ts).
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

describe('seed 002: a StatefulSet written for apps/v1beta2, scaled, healed and deleted', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': STATEFULSET, 'sc.yaml': STORAGE_CLASS } });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design (reference README): apps/v1beta2 is not served,
// so the Service alone is created until the learner fixes the apiVersion; `scale` prints
// statefulset.apps/web scaled; exec without -- is an error; volumes are pvc-<uid>, empty
// (no ext4 lost+found); describe's ClaimName line keeps its indent under grep.
const TRANSCRIPT = golden('seed-002.txt');
