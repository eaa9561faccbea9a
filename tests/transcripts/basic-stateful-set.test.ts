import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { golden, seedLines } from './seed-replay';

// The official tutorial "StatefulSet Basics" (kubernetes/website,
// content/en/docs/tutorials/stateful-application/basic-stateful-set.md), every
// command in order, with a second terminal for each `--watch`. Its manifests
// application/web/web.yaml and web-parallel.yaml are below as published, served
// at https://k8s.io/examples/ in place of the network.
const WEB = `apiVersion: v1
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
  serviceName: "nginx"
  replicas: 2
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
        image: registry.k8s.io/nginx-slim:0.21
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

// Published with app.kubernetes.io/name labels, unlike web.yaml.
const WEB_PARALLEL = WEB.replace(/app: nginx/g, 'app.kubernetes.io/name: nginx')
  .replace('serviceName: "nginx"\n', 'serviceName: "nginx"\n  podManagementPolicy: "Parallel"\n')
  .replace('nginx-slim:0.21', 'nginx-slim:0.24');

// Differences from the tutorial's outputs, by design (v1.32 behaviour, reference README):
// - `kubectl get statefulset` prints READY, and PVC tables print every v1.32 column;
// - busybox:1.28's nslookup shows the pod's PTR name after its address (CoreDNS);
// - a first curl, before index.html is written, gets nginx's 403 (the tutorial's note);
// - patching updateStrategy to OnDelete while rollingUpdate.partition remains is
//   rejected by validation, as the API server does; nothing after depends on it;
// - re-applying web.yaml prints `service/nginx unchanged` before the set (file order);
// - a cascading delete removes the pods together (garbage collector), not one by one;
// - web-parallel.yaml's pods carry app.kubernetes.io/name=nginx, so the tutorial's
//   `-l app=nginx` watch stays empty and the set is created again, not updated;
// - watches show each update (scheduling as a second Pending row, adoption and
//   orphaning as rows with nothing changed), and `--template` output has no newline.
const TRANSCRIPT = golden('basic-stateful-set.txt');

let session: Session;
afterEach(() => session?.close());

describe('tutorial: StatefulSet Basics', () => {
  it('runs every step as Kubernetes v1.32 does: ordered pods, stable names and storage, scaling, partitioned updates, deletion, Parallel', async () => {
    const examples: Record<string, string> = { 'application/web/web.yaml': WEB, 'application/web/web-parallel.yaml': WEB_PARALLEL };
    const fetchUrl = async (url: string) => examples[url.replace('https://k8s.io/examples/', '')] ?? Promise.reject(new Error(`unexpected URL ${url}`));
    session = createSession({ seed: 1, fetchUrl });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});
