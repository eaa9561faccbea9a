import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { golden, seedLines } from './seed-replay';

// Seed 001: web-stateful-set on the default class, its pods' metadata, an image update by
// apply, deletion; then its Limitations: a broken template under OrderedReady and the repair.
const STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web-stateful-set
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web-stateful-set
spec:
  selector:
    matchLabels:
      app: nginx # has to match .spec.template.metadata.labels
  serviceName: "nginx"
  replicas: 3 # by default is 1
  template:
    metadata:
      labels:
        app: nginx # has to match .spec.selector.matchLabels
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: nginx
        image: nginx:1.15
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

let session: Session;
afterEach(() => session?.close());

describe('seed 001: create, inspect, update and delete web-stateful-set', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({
      seed: 1,
      files: {
        'nginx-stateful-set.yaml': STATEFULSET,
        'nginx-stateful-set-update.yaml': STATEFULSET.replace('nginx:1.15', 'nginx:1.17'),
        'nginx-stateful-set-bad.yaml': STATEFULSET.replace('nginx:1.15', 'nginx:1.99-does-not-exist'),
      },
    });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design: the seed applies URLs of its GitHub repository; the
// learner here has the same manifests as local files (the lab has no network). The seed's pod
// metadata is from v1.17 (selfLink, no apps.kubernetes.io/pod-index); v1.32 prints these fields.
// Its results were screenshots, so the outputs are v1.32's.
const TRANSCRIPT = golden('seed-001.txt');
