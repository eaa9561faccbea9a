import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { replay } from './run-transcript';

let session: Session;
afterEach(() => session?.close());

const manifest = `apiVersion: v1
kind: Service
metadata:
  name: ledger
  namespace: ops
spec:
  clusterIP: None
  selector:
    app: ledger
  ports:
  - port: 2181
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ledger
  namespace: ops
spec:
  serviceName: ledger
  replicas: 3
  selector:
    matchLabels:
      app: ledger
  template:
    metadata:
      labels:
        app: ledger
    spec:
      containers:
      - name: main
        image: nginx:1.25
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ledger-pdb
  namespace: ops
spec:
  selector:
    matchLabels:
      app: ledger
  maxUnavailable: 1
`;

const TRANSCRIPT = `$ kubectl create namespace ops
namespace/ops created
$ kubectl apply -f ledger.yaml
service/ledger created
statefulset.apps/ledger created
poddisruptionbudget.policy/ledger-pdb created
$ kubectl rollout status sts/ledger -n ops
Waiting for 3 pods to be ready...
Waiting for 2 pods to be ready...
Waiting for 2 pods to be ready...
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 3 new pods have been updated...
$ kubectl get pdb -n ops
NAME         MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
ledger-pdb   N/A             1                 1                     7s
$ kubectl get pods -n ops -o wide
NAME       READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
ledger-0   1/1     Running   0          7s    10.244.1.2   k8s-worker01   <none>           <none>
ledger-1   1/1     Running   0          5s    10.244.2.2   k8s-worker02   <none>           <none>
ledger-2   1/1     Running   0          2s    10.244.3.2   k8s-worker03   <none>           <none>
$ kubectl drain k8s-worker01 --ignore-daemonsets --delete-emptydir-data
node/k8s-worker01 cordoned
Warning: ignoring DaemonSet-managed Pods: kube-system/kindnet-xk7fj, kube-system/kube-proxy-9drvm
evicting pod ops/ledger-0
pod/ledger-0 evicted
node/k8s-worker01 drained
$ kubectl get pods -n ops -o wide
NAME       READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
ledger-0   1/1     Running   0          0s    10.244.2.3   k8s-worker02   <none>           <none>
ledger-1   1/1     Running   0          7s    10.244.2.2   k8s-worker02   <none>           <none>
ledger-2   1/1     Running   0          4s    10.244.3.2   k8s-worker03   <none>           <none>
$ kubectl get pdb -n ops
NAME         MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
ledger-pdb   N/A             1                 1                     9s
$ kubectl drain k8s-worker02 --ignore-daemonsets --delete-emptydir-data
node/k8s-worker02 cordoned
Warning: ignoring DaemonSet-managed Pods: kube-system/kindnet-sgjr6, kube-system/kube-proxy-9kn9d
evicting pod ops/ledger-0
evicting pod ops/ledger-1
error when evicting pods/"ledger-1" -n "ops" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
pod/ledger-0 evicted
evicting pod ops/ledger-1
pod/ledger-1 evicted
node/k8s-worker02 drained
$ kubectl get nodes
NAME                STATUS                     ROLES           AGE   VERSION
k8s-control-plane   Ready                      control-plane   15s   v1.32.0
k8s-worker01        Ready,SchedulingDisabled   <none>          15s   v1.32.0
k8s-worker02        Ready,SchedulingDisabled   <none>          15s   v1.32.0
k8s-worker03        Ready                      <none>          15s   v1.32.0
$ kubectl get pods -n ops -o wide
NAME       READY   STATUS              RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
ledger-0   1/1     Running             0          4s    10.244.3.3   k8s-worker03   <none>           <none>
ledger-1   0/1     ContainerCreating   0          0s    10.244.3.4   k8s-worker03   <none>           <none>
ledger-2   1/1     Running             0          10s   10.244.3.2   k8s-worker03   <none>           <none>
$ kubectl uncordon k8s-worker01 k8s-worker02
node/k8s-worker01 uncordoned
node/k8s-worker02 uncordoned
$ kubectl get nodes
NAME                STATUS   ROLES           AGE   VERSION
k8s-control-plane   Ready    control-plane   15s   v1.32.0
k8s-worker01        Ready    <none>          15s   v1.32.0
k8s-worker02        Ready    <none>          15s   v1.32.0
k8s-worker03        Ready    <none>          15s   v1.32.0
$ kubectl get pdb -n ops
NAME         MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
ledger-pdb   N/A             1                 0                     15s
`;

describe('node maintenance: cordon, drain with a PodDisruptionBudget, uncordon', () => {
  it('evicts one pod per drain, retries while the budget is spent, and reschedules the pods elsewhere', async () => {
    session = createSession({ seed: 31, files: { 'ledger.yaml': manifest } });
    expect(await replay(session, TRANSCRIPT)).toBe(TRANSCRIPT);
  });
});
