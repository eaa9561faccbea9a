import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLab, run, settle, writeFiles, type Lab } from './testing/harness';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const core = (resource: string) => ({ group: '', version: 'v1', resource });

async function names(lab: Lab, resource: string, namespace = 'default'): Promise<string[]> {
  return (await lab.cluster.client.list(core(resource), { namespace })).items.map((o) => o.metadata.name ?? '');
}

describe('kubectl basics', () => {
  it('prints client, kustomize and server versions', async () => {
    const r = await run(createLab(), 'kubectl version');
    expect(r).toEqual({ stdout: 'Client Version: v1.32.0\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n', stderr: '', code: 0 });
  });

  it('prints cluster-info without colour when not on a tty', async () => {
    const r = await run(createLab(), 'kubectl cluster-info');
    expect(r.stdout).toBe(
      'Kubernetes control plane is running at https://172.18.0.2:6443\n' +
        'CoreDNS is running at https://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('suggests the closest command for a typo', async () => {
    const r = await run(createLab(), 'kubectl gett pods');
    expect(r).toEqual({ stdout: '', stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n', code: 1 });
  });

  it('says plainly that a real kubectl command the lab lacks is not available, rather than suggesting it', async () => {
    const r = await run(createLab(), 'kubectl proxy --port=8001');
    expect(r).toEqual({ stdout: '', stderr: 'error: "kubectl proxy" is not available in this lab\n', code: 1 });
  });

  it('reports an unknown flag with the usage hint', async () => {
    const r = await run(createLab(), 'kubectl get pods --foo');
    expect(r).toEqual({ stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", code: 1 });
  });

  it('prints the help for bare kubectl', async () => {
    const r = await run(createLab(), 'kubectl');
    expect(r.stdout.split('\n')[0]).toBe('kubectl controls the Kubernetes cluster manager.');
    expect(r.code).toBe(0);
  });
});

describe('kubectl get', () => {
  it('prints "No resources found" to stderr for an empty namespace', async () => {
    const r = await run(createLab(), 'kubectl get pods');
    expect(r).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 });
  });

  it('says "No resources found" when a cluster-scoped type is among the types', async () => {
    const r = await run(createLab(), 'kubectl get pv,pvc');
    expect(r).toEqual({ stdout: '', stderr: 'No resources found\n', code: 0 });
  });

  it('rejects an unknown resource type', async () => {
    const r = await run(createLab(), 'kubectl get foo');
    expect(r).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', code: 1 });
  });

  it('prints a NotFound error after the rows it did find', async () => {
    const lab = createLab();
    const r = await run(lab, 'kubectl get ns default nope');
    expect(r.stdout).toBe('NAME      STATUS   AGE\ndefault   Active   0s\n');
    expect(r.stderr).toBe('Error from server (NotFound): namespaces "nope" not found\n');
    expect(r.code).toBe(1);
  });

  it('prefixes KIND/ and separates tables when several kinds are printed', async () => {
    const r = await run(createLab(), 'kubectl get ns/default svc/kubernetes');
    expect(r.stdout).toBe(
      'NAME                STATUS   AGE\nnamespace/default   Active   0s\n\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s\n',
    );
  });

  it('prints names, jsonpath and custom columns', async () => {
    const lab = createLab();
    expect((await run(lab, 'kubectl get ns -o name')).stdout).toBe('namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n');
    expect((await run(lab, "kubectl get ns -o jsonpath='{.items[*].metadata.name}'")).stdout).toBe('default kube-node-lease kube-public kube-system');
    expect((await run(lab, 'kubectl get ns default -o custom-columns=NAME:.metadata.name,PHASE:.status.phase')).stdout).toBe(
      'NAME      PHASE\ndefault   Active\n',
    );
  });

  it('wraps several objects in a List for -o yaml', async () => {
    const lab = createLab();
    const r = await run(lab, 'kubectl get ns -l kubernetes.io/metadata.name=kube-public -o yaml');
    expect(r.stdout.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n')).toBe(true);
    expect(r.stdout.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('adds NAMESPACE with -A and LABELS with --show-labels', async () => {
    const lab = createLab();
    const r = await run(lab, 'kubectl get svc -A --show-labels');
    expect(r.stdout).toBe(
      'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   LABELS\n' +
        'default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  0s    component=apiserver,provider=kubernetes\n' +
        'kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   0s    k8s-app=kube-dns,kubernetes.io/cluster-service=true,kubernetes.io/name=CoreDNS\n',
    );
  });

  it('watches: prints the list, then a row per event, until interrupted', async () => {
    const lab = createLab();
    const controller = new AbortController();
    const r = await run(lab, 'kubectl get ns -w', {
      signal: controller.signal,
      during: async () => {
        await settle();
        await lab.cluster.client.create(core('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'statefulset01' } });
        await settle();
        controller.abort();
      },
    });
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      'NAME              STATUS   AGE',
      'default           Active   0s',
      'kube-node-lease   Active   0s',
      'kube-public       Active   0s',
      'kube-system       Active   0s',
      'statefulset01     Active   0s',
    ]);
    expect(r.code).toBe(1);
  });
});

describe('kubectl create / apply / delete', () => {
  it('creates the Service of an apps/v1beta2 file and reports the StatefulSet mapping error', async () => {
    const lab = createLab();
    writeFiles(lab, { 'statefulset.yaml': fixture('statefulset-v1beta2.yaml') });
    const r = await run(lab, 'kubectl create -f statefulset.yaml');
    expect(r).toEqual({
      stdout: 'service/nginx created\n',
      stderr:
        'error: resource mapping not found for name: "web" namespace: "" from "statefulset.yaml": no matches for kind "StatefulSet" in version "apps/v1beta2"\nensure CRDs are installed first\n',
      code: 1,
    });
    expect(await names(lab, 'services')).toEqual(['kubernetes', 'nginx']);
  });

  it('creates a namespace, switches the context to it and creates there by default', async () => {
    const lab = createLab();
    writeFiles(lab, { 'statefulset-headless.yaml': fixture('statefulset-headless.yaml') });
    expect((await run(lab, 'kubectl create namespace statefulset01')).stdout).toBe('namespace/statefulset01 created\n');
    expect((await run(lab, 'kubectl config set-context --current --namespace statefulset01')).stdout).toBe(
      'Context "kubernetes-admin@kubernetes" modified.\n',
    );
    expect((await run(lab, 'kubectl apply -f statefulset-headless.yaml')).stdout).toBe('service/headless-svc created\n');
    expect(await names(lab, 'services', 'statefulset01')).toEqual(['headless-svc']);
    const r = await run(lab, 'kubectl get svc');
    expect(r.stdout).toBe('NAME           TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nheadless-svc   ClusterIP   None         <none>        80/TCP    0s\n');
    expect((await run(lab, 'kubectl config get-contexts')).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   statefulset01\n',
    );
  });

  it('creates a deployment from flags: the words after -- are its command, the namespace only when -n is given', async () => {
    const lab = createLab();
    const r = await run(lab, 'kubectl create deployment sleeper --image=busybox:1.36 --port=80 --dry-run=client -o yaml -- sleep 3600');
    expect(r.stdout).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: sleeper\n  name: sleeper\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: sleeper\n' +
        '  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: sleeper\n    spec:\n      containers:\n      - command:\n        - sleep\n        - "3600"\n' +
        '        image: busybox:1.36\n        name: busybox\n        ports:\n        - containerPort: 80\n        resources: {}\n',
    );
    expect(await run(lab, 'kubectl create deployment two --image=a --image=b -- sleep 1')).toEqual({ stdout: '', stderr: 'error: cannot specify multiple --image options and command\n', code: 1 });
    expect(await run(lab, 'kubectl create deployment --image=a')).toEqual({
      stdout: '',
      stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
      code: 1,
    });
    expect((await run(lab, 'kubectl create configmap cfg -n kube-system --from-literal=a=1 --dry-run=client -o jsonpath={.metadata.namespace}')).stdout).toBe('kube-system');
    expect(await run(lab, 'kubectl create namespace default')).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): namespaces "default" already exists\n', code: 1 });
    expect(await run(lab, 'kubectl create configmap kube-root-ca.crt')).toEqual({
      stdout: '',
      stderr: 'error: failed to create configmap: configmaps "kube-root-ca.crt" already exists\n',
      code: 1,
    });
  });

  it('applies: created, then unchanged, then configured after an edit', async () => {
    const lab = createLab();
    const svc = fixture('statefulset-headless.yaml');
    writeFiles(lab, { 'svc.yaml': svc });
    expect((await run(lab, 'kubectl apply -f svc.yaml')).stdout).toBe('service/headless-svc created\n');
    expect((await run(lab, 'kubectl apply -f svc.yaml')).stdout).toBe('service/headless-svc unchanged\n');
    writeFiles(lab, { 'svc.yaml': svc.replace('app: nginx        #', 'app: web        #') });
    expect((await run(lab, 'kubectl apply -f svc.yaml')).stdout).toBe('service/headless-svc configured\n');
    const live = await lab.cluster.client.get(core('services'), 'default', 'headless-svc');
    expect((live.spec as { selector: unknown }).selector).toEqual({ app: 'web' });
  });

  it('reports an existing object with the file name and changes nothing', async () => {
    const lab = createLab();
    writeFiles(lab, { 'svc.yaml': fixture('statefulset-headless.yaml') });
    await run(lab, 'kubectl create -f svc.yaml');
    const r = await run(lab, 'kubectl create -f svc.yaml');
    expect(r).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "svc.yaml": services "headless-svc" already exists\n',
      code: 1,
    });
  });

  it('reports YAML syntax errors in go-yaml words', async () => {
    const lab = createLab();
    writeFiles(lab, { 'bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a: b\n' });
    const r = await run(lab, 'kubectl apply -f bad.yaml');
    expect(r).toEqual({
      stdout: '',
      stderr: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n',
      code: 1,
    });
  });

  it('reports a missing file before doing anything', async () => {
    const r = await run(createLab(), 'kubectl apply -f nope.yaml');
    expect(r).toEqual({ stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n', code: 1 });
  });

  it('reads manifests from stdin and from URLs', async () => {
    const lab = createLab();
    const r = await run(lab, 'kubectl create -f -', { stdin: fixture('statefulset-headless.yaml') });
    expect(r.stdout).toBe('service/headless-svc created\n');
    const u = await run(lab, 'kubectl apply -f https://example.com/x.yaml');
    expect(u).toEqual({ stdout: '', stderr: 'error: Get "https://example.com/x.yaml": dial tcp: lookup example.com: no such host\n', code: 1 });
  });

  it('deletes by name, reports missing names, and prints No resources found for an empty selector', async () => {
    const lab = createLab();
    writeFiles(lab, { 'svc.yaml': fixture('statefulset-headless.yaml') });
    await run(lab, 'kubectl create -f svc.yaml');
    const r = await run(lab, 'kubectl delete svc headless-svc nope');
    expect(r).toEqual({ stdout: 'service "headless-svc" deleted\n', stderr: 'Error from server (NotFound): services "nope" not found\n', code: 1 });
    expect(await names(lab, 'services')).toEqual(['kubernetes']);
    expect(await run(lab, 'kubectl delete svc -l app=none')).toEqual({ stdout: 'No resources found\n', stderr: '', code: 0 });
    expect((await run(lab, 'kubectl delete svc --cascade=bogus x')).stderr).toBe(
      'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n',
    );
  });
});
