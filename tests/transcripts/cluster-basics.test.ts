import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { replay } from './run-transcript';

let session: Session;
afterEach(() => session?.close());

async function expectTranscript(transcript: string): Promise<void> {
  expect(await replay(session, transcript)).toBe(transcript);
}

describe('a fresh lab cluster, as kubectl v1.32 shows it', () => {
  it('reports versions, the control plane and four Ready nodes', async () => {
    session = createSession({ seed: 1 });
    await expectTranscript(`$ kubectl version
Client Version: v1.32.0
Kustomize Version: v5.5.0
Server Version: v1.32.0
$ kubectl cluster-info
Kubernetes control plane is running at https://172.18.0.2:6443
CoreDNS is running at https://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.
$ kubectl get nodes
NAME                STATUS   ROLES           AGE   VERSION
k8s-control-plane   Ready    control-plane   0s    v1.32.0
k8s-worker01        Ready    <none>          0s    v1.32.0
k8s-worker02        Ready    <none>          0s    v1.32.0
k8s-worker03        Ready    <none>          0s    v1.32.0
$ kubectl get ns
NAME              STATUS   AGE
default           Active   0s
kube-node-lease   Active   0s
kube-public       Active   0s
kube-system       Active   0s
$ kubectl get pods
No resources found in default namespace.
$ kubectl get sc
NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  0s
$ kubectl get svc -A
NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  0s
kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   0s
`);
  });

  it('switches the default namespace through the kubeconfig', async () => {
    session = createSession({ seed: 1 });
    await expectTranscript(`$ kubectl create namespace demo
namespace/demo created
$ kubectl config set-context --current --namespace demo
Context "kubernetes-admin@kubernetes" modified.
$ kubectl config current-context
kubernetes-admin@kubernetes
$ kubectl get pods
No resources found in demo namespace.
$ kubectl config view --minify -o jsonpath={..namespace}
demo`);
  });
});

describe('applying, creating and deleting manifests', () => {
  const manifest = `apiVersion: v1
kind: Service
metadata:
  name: db
  labels:
    tier: data
spec:
  clusterIP: None
  selector:
    tier: data
  ports:
  - port: 5432
    name: pg
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: db-config
data:
  mode: primary
`;

  it('reports created, unchanged and configured, and deletes what a file names', async () => {
    session = createSession({ seed: 3, files: { 'db.yaml': manifest } });
    await expectTranscript(`$ kubectl apply -f db.yaml
service/db created
configmap/db-config created
$ kubectl apply -f db.yaml
service/db unchanged
configmap/db-config unchanged
$ sed -i s/primary/replica/ db.yaml
$ kubectl apply -f db.yaml
service/db unchanged
configmap/db-config configured
$ kubectl get svc,cm -l tier=data
NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE
service/db   ClusterIP   None         <none>        5432/TCP   0s
$ kubectl create -f db.yaml
Error from server (AlreadyExists): error when creating "db.yaml": services "db" already exists
Error from server (AlreadyExists): error when creating "db.yaml": configmaps "db-config" already exists
[exit 1]
$ kubectl delete -f db.yaml
service "db" deleted
configmap "db-config" deleted
$ kubectl get svc db
Error from server (NotFound): services "db" not found
[exit 1]
`);
  });

  it('applies a heredoc piped into kubectl apply -f -', async () => {
    session = createSession({ seed: 3 });
    await expectTranscript(`$ cat <<EOF | kubectl apply -f -
> apiVersion: v1
> kind: ConfigMap
> metadata:
>   name: from-stdin
> data:
>   greeting: hello
> EOF
configmap/from-stdin created
$ kubectl get configmap from-stdin -o jsonpath='{.data.greeting}'
hello`);
  });

  it('creates the other documents of a file whose StatefulSet uses a removed apiVersion', async () => {
    const old = manifest.replace('apiVersion: v1\nkind: ConfigMap', 'apiVersion: apps/v1beta2\nkind: StatefulSet');
    session = createSession({ seed: 3, files: { 'old.yaml': old } });
    await expectTranscript(`$ kubectl create -f old.yaml
service/db created
error: resource mapping not found for name: "db-config" namespace: "" from "old.yaml": no matches for kind "StatefulSet" in version "apps/v1beta2"
ensure CRDs are installed first
[exit 1]
`);
  });
});

describe('errors leave the cluster unchanged', () => {
  const sts = (extra: string, labels = 'app: web') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
${extra}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
      - name: web
        image: nginx
`;

  it('rejects an unknown field, a selector that does not match, and broken YAML', async () => {
    session = createSession({
      seed: 5,
      files: {
        'typo.yaml': sts('  replica: 3\n'),
        'mismatch.yaml': sts('', 'app: other'),
        'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n   c: d\n',
      },
    });
    await expectTranscript(`$ kubectl apply -f typo.yaml
Error from server (BadRequest): error when creating "typo.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.replica"
[exit 1]
$ kubectl create -f mismatch.yaml
The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: \`selector\` does not match template \`labels\`
[exit 1]
$ kubectl apply -f broken.yaml
error: error parsing broken.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context
[exit 1]
$ kubectl get statefulsets,configmaps -o name
configmap/kube-root-ca.crt
$ kubectl get pods -l 'app in (web'
Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (web", field selector "": unable to parse requirement: found '', expected: ',' or ')'
[exit 1]
$ kubectl get widgets
error: the server doesn't have a resource type "widgets"
[exit 1]
$ kubectl apply -f https://example.com/web.yaml
error: Get "https://example.com/web.yaml": dial tcp: lookup example.com: no such host
[exit 1]
$ kubectl gett pods
error: unknown command "gett" for "kubectl"

Did you mean this?
	get
	set
[exit 1]
$ kubectl get pods --colour
error: unknown flag: --colour
See 'kubectl get --help' for usage.
[exit 1]
`);
  });

  it('runs kube-system as kubeadm does: coredns by a Deployment, kindnet and kube-proxy by DaemonSets, static pods mirrored from the control-plane node', async () => {
    session = createSession({ seed: 1 });
    await expectTranscript(`$ kubectl get deploy,rs -n kube-system
NAME                      READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/coredns   2/2     2            2           0s

NAME                                 DESIRED   CURRENT   READY   AGE
replicaset.apps/coredns-668d6bf9bc   2         2         2       0s
$ kubectl get pods -n kube-system -o 'custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].kind,MIRROR:.metadata.annotations.kubernetes\\.io/config\\.source'
NAME                                        OWNER        MIRROR
coredns-668d6bf9bc-qglrd                    ReplicaSet   <none>
coredns-668d6bf9bc-zzpsr                    ReplicaSet   <none>
etcd-k8s-control-plane                      Node         file
kindnet-b7tlg                               DaemonSet    <none>
kindnet-gjmtj                               DaemonSet    <none>
kindnet-jph5h                               DaemonSet    <none>
kindnet-s2xnc                               DaemonSet    <none>
kube-apiserver-k8s-control-plane            Node         file
kube-controller-manager-k8s-control-plane   Node         file
kube-proxy-2wwgz                            DaemonSet    <none>
kube-proxy-65tdm                            DaemonSet    <none>
kube-proxy-j7llg                            DaemonSet    <none>
kube-proxy-jk9sf                            DaemonSet    <none>
kube-scheduler-k8s-control-plane            Node         file
$ kubectl drain k8s-control-plane --ignore-daemonsets --dry-run=client
node/k8s-control-plane cordoned (dry run)
Warning: ignoring DaemonSet-managed Pods: kube-system/kindnet-gjmtj, kube-system/kube-proxy-65tdm
evicting pod kube-system/coredns-668d6bf9bc-qglrd (dry run)
evicting pod kube-system/coredns-668d6bf9bc-zzpsr (dry run)
node/k8s-control-plane drained (dry run)
`);
  });
});
