import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeKubectl } from './complete';
import { createLab, run, writeFiles, type Lab } from './testing/harness';

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: web-0
spec:
  containers:
  - name: nginx
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
spec:
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: nginx
    image: nginx
`;

let lab: Lab;

beforeEach(async () => {
  lab = createLab();
  writeFiles(lab, { 'pods.yaml': PODS });
  expect((await run(lab, 'kubectl apply -f pods.yaml')).code).toBe(0);
});

afterEach(() => lab.cluster.stop());

/** Completes the last space-separated word of `line`, as Tab at the end of it. */
function complete(line: string): Promise<string[]> {
  const words = line.split(' ');
  const current = words.pop()!;
  return completeKubectl(words, current, { client: lab.cluster.client, namespace: 'default', contexts: ['kubernetes-admin@kubernetes'] });
}

describe('kubectl completion of resource types (api-resources -o name)', () => {
  it('completes `get sta` to the group-qualified statefulsets.apps only', async () => {
    expect(await complete('kubectl get sta')).toEqual(['statefulsets.apps']);
  });

  it('offers plural names only, never singular or short names', async () => {
    expect(await complete('kubectl get p')).toEqual(['persistentvolumeclaims', 'persistentvolumes', 'pods', 'poddisruptionbudgets.policy']);
    expect(await complete('kubectl get sts')).toEqual([]);
  });

  it('lists every gettable type, core first, then by group, without create-only bindings', async () => {
    expect(await complete('kubectl describe ')).toEqual([
      'configmaps', 'endpoints', 'events', 'namespaces', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'secrets',
      'serviceaccounts', 'services', 'controllerrevisions.apps', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps',
      'statefulsets.apps', 'endpointslices.discovery.k8s.io', 'poddisruptionbudgets.policy', 'storageclasses.storage.k8s.io',
    ]);
  });

  it('completes the type after a comma, keeping what precedes it', async () => {
    expect(await complete('kubectl get pods,s')).toEqual([
      'pods,secrets', 'pods,serviceaccounts', 'pods,services', 'pods,statefulsets.apps', 'pods,storageclasses.storage.k8s.io',
    ]);
  });

  it('offers TYPE/ forms once the first argument is TYPE/NAME', async () => {
    expect(await complete('kubectl delete pod/web-0 se')).toEqual(['secrets/', 'serviceaccounts/', 'services/']);
  });

  it('restricts scale to the kinds kubectl lists for it, in singular form', async () => {
    expect(await complete('kubectl scale ')).toEqual(['deployment', 'replicaset', 'replicationcontroller', 'statefulset']);
    expect(await complete('kubectl scale sta')).toEqual(['statefulset']);
  });
});

describe('kubectl completion of names', () => {
  it('completes names of the typed type in the effective namespace, skipping names already given', async () => {
    expect(await complete('kubectl get pods ')).toEqual(['web-0', 'web-1']);
    expect(await complete('kubectl label po web-0 ')).toEqual(['web-1']);
  });

  it('completes TYPE/NAME after the slash', async () => {
    expect(await complete('kubectl get pod/')).toEqual(['pod/web-0', 'pod/web-1']);
    expect(await complete('kubectl get pod/web-0 pod/w')).toEqual(['pod/web-1']);
  });

  it('uses -n for the namespace of the names', async () => {
    expect(await complete('kubectl -n kube-public get pods ')).toEqual([]);
    expect(await complete('kubectl get pods -n ')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });

  it('gives rollout status only one resource', async () => {
    expect(await complete('kubectl rollout status statefulset web ')).toEqual([]);
    expect(await complete('kubectl rollout ')).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
  });

  it('completes pods and pod-owning TYPE/ forms for exec, and containers for logs', async () => {
    expect(await complete('kubectl exec ')).toEqual([
      'web-0', 'web-1', 'daemonsets/', 'deployments/', 'pods/', 'jobs/', 'replicasets/', 'replicationcontrollers/', 'services/', 'statefulsets/',
    ]);
    expect(await complete('kubectl logs web-1 ')).toEqual(['init', 'nginx']);
  });

  it('completes verbs, contexts, and nothing after a flag that takes a value', async () => {
    expect(await complete('kubectl sc')).toEqual(['scale']);
    expect(await complete('kubectl config use-context ')).toEqual(['kubernetes-admin@kubernetes']);
    expect(await complete('kubectl get pods -l ')).toEqual([]);
  });
});
