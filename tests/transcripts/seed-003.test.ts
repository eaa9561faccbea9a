import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { golden, seedLines } from './seed-replay';

// Seed 003: a StatefulSet reference card (nginx-svc + web on the standard class): ordered
// creation, scaling both ways, rolling update, partition, rollout verbs, describe, deletion
// with and without orphaning, PVC cleanup, troubleshooting reads.
const STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: nginx-svc
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None  # Headless service
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx-svc"  # Must match the headless service
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
      - name: nginx
        image: nginx:1.21
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:  # Creates PVC for each pod
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      storageClassName: "standard"  # Use your storage class
      resources:
        requests:
          storage: 1Gi
`;

// The Volume Claim Templates snippet: template data on the seed's fast-ssd class, which a
// learner creates first (the seed ran on a cluster that had it).
const DATA_ON_FAST_SSD = STATEFULSET.replace('name: www\n', 'name: data\n')
  .replace('name: www\n', 'name: data\n')
  .replace('"standard"  # Use your storage class', '"fast-ssd"')
  .replace('storage: 1Gi', 'storage: 10Gi');

const FAST_SSD = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast-ssd
provisioner: pd.csi.storage.gke.io
parameters:
  type: pd-ssd
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
`;

let session: Session;
afterEach(() => session?.close());

describe('seed 003: the StatefulSet reference card', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': STATEFULSET } });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });

  it('names claims of a template called data after it, on the fast-ssd class, and shows them in describe, events and yaml', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': DATA_ON_FAST_SSD, 'fast-ssd.yaml': FAST_SSD } });
    const [actual, expected] = await seedLines(session, DATA_TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design (reference README and k8s-behavior.md):
// - its PVC tables are cut to a few columns; v1.32 prints all of them;
// - its rollout status lines are kubectl 1.1x's; v1.32 prints "Waiting for partitioned roll out
//   to finish: ..." and repeats a line for each status write of the controller;
// - rollout pause/resume are refused for a StatefulSet;
// - describe pvc data-web-0 is NotFound: the claims of template www are www-web-N;
// - the watches show every update (each pod's scheduling as a second Pending row).
const TRANSCRIPT = golden('seed-003.txt');

const DATA_TRANSCRIPT = golden('seed-003-data.txt');
