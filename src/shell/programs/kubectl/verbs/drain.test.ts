import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../headless';

let session: Session | undefined;
afterEach(() => session?.close());

const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kv
spec:
  serviceName: kv
  replicas: 3
  selector:
    matchLabels:
      app: kv
  template:
    metadata:
      labels:
        app: kv
    spec:
      containers:
      - name: main
        image: nginx:1.25
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: kv-budget
spec:
  selector:
    matchLabels:
      app: kv
  maxUnavailable: 1
`;

const solo = `apiVersion: v1
kind: Pod
metadata:
  name: solo
  labels:
    run: solo
spec:
  nodeName: k8s-worker03
  containers:
  - name: main
    image: nginx:1.25
`;

async function start(): Promise<Session> {
  session = createSession({ seed: 21, files: { 'kv.yaml': manifest, 'solo.yaml': solo } });
  await session.exec('kubectl apply -f kv.yaml');
  await session.exec('kubectl rollout status sts kv');
  await session.advance(2000);
  return session;
}

const run = async (s: Session, line: string) => {
  const r = await s.exec(line);
  return { output: r.output, exitCode: r.exitCode };
};

/** The DaemonSet pods on a node, as drain lists them. */
async function daemonPods(s: Session, node: string): Promise<string> {
  const out = (await s.exec(`kubectl get pods -n kube-system --field-selector spec.nodeName=${node} -o name`)).output;
  return out
    .trim()
    .split('\n')
    .map((l) => l.replace('pod/', 'kube-system/'))
    .filter((n) => /kindnet|kube-proxy/.test(n))
    .join(', ');
}

describe('kubectl cordon and uncordon', () => {
  it('marks a node unschedulable once, shows SchedulingDisabled, and undoes it', async () => {
    const s = await start();
    expect(await run(s, 'kubectl cordon k8s-worker01')).toEqual({ output: 'node/k8s-worker01 cordoned\n', exitCode: 0 });
    expect(await run(s, 'kubectl cordon node/k8s-worker01')).toEqual({ output: 'node/k8s-worker01 already cordoned\n', exitCode: 0 });
    expect((await run(s, 'kubectl get node k8s-worker01')).output.split('\n')[1].split(/\s+/)[1]).toBe('Ready,SchedulingDisabled');
    expect(await run(s, 'kubectl uncordon k8s-worker01 --dry-run=client')).toEqual({ output: 'node/k8s-worker01 uncordoned (dry run)\n', exitCode: 0 });
    expect(await run(s, 'kubectl get node k8s-worker01 -o jsonpath={.spec.unschedulable}')).toEqual({ output: 'true', exitCode: 0 });
    expect(await run(s, 'kubectl uncordon k8s-worker01')).toEqual({ output: 'node/k8s-worker01 uncordoned\n', exitCode: 0 });
    expect(await run(s, 'kubectl uncordon k8s-worker01')).toEqual({ output: 'node/k8s-worker01 already uncordoned\n', exitCode: 0 });
  });

  it('selects nodes with -l and gives the usage errors of DrainCmdOptions.Complete', async () => {
    const s = await start();
    expect(await run(s, 'kubectl cordon -l kubernetes.io/hostname=k8s-worker02')).toEqual({ output: 'node/k8s-worker02 cordoned\n', exitCode: 0 });
    expect(await run(s, 'kubectl cordon')).toEqual({ output: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", exitCode: 1 });
    expect(await run(s, 'kubectl uncordon k8s-worker02 -l a=b')).toEqual({
      output: "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n",
      exitCode: 1,
    });
    expect(await run(s, 'kubectl cordon nosuch')).toEqual({ output: 'Error from server (NotFound): nodes "nosuch" not found\n', exitCode: 1 });
  });

  it('leaves new StatefulSet pods Pending with the scheduler reasons once every worker is cordoned', async () => {
    const s = await start();
    await s.exec('kubectl cordon k8s-worker01 k8s-worker02 k8s-worker03');
    await s.exec('kubectl scale sts kv --replicas=4');
    await s.advance(5000);
    const events = (await run(s, 'kubectl get events --field-selector involvedObject.name=kv-3,reason=FailedScheduling -o jsonpath={.items[0].message}')).output;
    expect(events).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });
});

describe('PodDisruptionBudget in kubectl', () => {
  it('lists budgets with get pdb and describes their status', async () => {
    const s = await start();
    expect(await run(s, 'kubectl get pdb')).toEqual({
      output: 'NAME        MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nkv-budget   N/A             1                 1                     10s\n',
      exitCode: 0,
    });
    const described = (await run(s, 'kubectl describe pdb kv-budget --show-events=false')).output;
    expect(described).toBe(
      'Name:             kv-budget\nNamespace:        default\nMax unavailable:  1\nSelector:         app=kv\nStatus:\n    Allowed disruptions:  1\n    Current:              3\n    Desired:              2\n    Total:                3\n',
    );
  });

  it('creates budgets from flags with create_pdb.go checks', async () => {
    const s = await start();
    expect(await run(s, 'kubectl create pdb half --selector=app=kv --min-available=50%')).toEqual({ output: 'poddisruptionbudget.policy/half created\n', exitCode: 0 });
    expect(await run(s, 'kubectl get pdb half -o jsonpath={.spec}')).toEqual({ output: '{"minAvailable":"50%","selector":{"matchLabels":{"app":"kv"}}}', exitCode: 0 });
    expect(await run(s, 'kubectl create pdb x --min-available=1')).toEqual({ output: 'error: a selector must be specified\n', exitCode: 1 });
    expect(await run(s, 'kubectl create pdb x --selector=app=kv')).toEqual({ output: 'error: one of min-available or max-unavailable must be specified\n', exitCode: 1 });
    expect(await run(s, 'kubectl create pdb x --selector=app=kv --min-available=1 --max-unavailable=1')).toEqual({ output: 'error: min-available and max-unavailable cannot be both specified\n', exitCode: 1 });
    expect(await run(s, 'kubectl create pdb x --selector=app=kv --min-available=1.5')).toEqual({ output: 'error: invalid format specified for min-available\n', exitCode: 1 });
    expect(await run(s, 'kubectl create pdb half --selector=app=kv --max-unavailable=1')).toEqual({
      output: 'error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy "half" already exists\n',
      exitCode: 1,
    });
  });
});

describe('kubectl drain', () => {
  it('refuses DaemonSet pods without --ignore-daemonsets and reports the node as pending', async () => {
    const s = await start();
    const ds = await daemonPods(s, 'k8s-worker01');
    expect(await run(s, 'kubectl drain k8s-worker01')).toEqual({
      output:
        'node/k8s-worker01 cordoned\n' +
        `error: unable to drain node "k8s-worker01" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}, continuing command...\n` +
        'There are pending nodes to be drained:\n k8s-worker01\n' +
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}\n`,
      exitCode: 1,
    });
  });

  it('evicts the node\'s pods, waits for them to go and the StatefulSet recreates them elsewhere', async () => {
    const s = await start();
    const ds = await daemonPods(s, 'k8s-worker01');
    expect(await run(s, 'kubectl drain k8s-worker01 --ignore-daemonsets --dry-run=client')).toEqual({
      output: `node/k8s-worker01 cordoned (dry run)\nWarning: ignoring DaemonSet-managed Pods: ${ds}\nevicting pod default/kv-0 (dry run)\nnode/k8s-worker01 drained (dry run)\n`,
      exitCode: 0,
    });
    expect(await run(s, 'kubectl drain k8s-worker01 --ignore-daemonsets')).toEqual({
      output: `node/k8s-worker01 cordoned\nWarning: ignoring DaemonSet-managed Pods: ${ds}\nevicting pod default/kv-0\npod/kv-0 evicted\nnode/k8s-worker01 drained\n`,
      exitCode: 0,
    });
    await s.advance(10_000);
    expect((await run(s, 'kubectl get pod kv-0 -o jsonpath={.spec.nodeName}/{.status.phase}')).output).toBe('k8s-worker03/Running');
  });

  it('retries a 429 every 5s and gives up at --timeout with drain\'s errors', async () => {
    const s = await start();
    await s.exec(`kubectl patch pdb kv-budget --type=merge -p '{"spec":{"maxUnavailable":0}}'`);
    await s.advance(1000);
    const out = await run(s, 'kubectl drain k8s-worker01 --ignore-daemonsets --timeout=7s');
    const ds = await daemonPods(s, 'k8s-worker01');
    expect(out).toEqual({
      output:
        `node/k8s-worker01 cordoned\nWarning: ignoring DaemonSet-managed Pods: ${ds}\n` +
        'evicting pod default/kv-0\n' +
        'error when evicting pods/"kv-0" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n' +
        'evicting pod default/kv-0\n' +
        'error when evicting pods/"kv-0" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n' +
        'evicting pod default/kv-0\n' +
        'There are pending pods in node "k8s-worker01" when an error occurred: error when evicting pods/"kv-0" -n "default": global timeout reached: 7s\n' +
        'pod/kv-0\n' +
        'error: unable to drain node "k8s-worker01" due to error: error when evicting pods/"kv-0" -n "default": global timeout reached: 7s, continuing command...\n' +
        'There are pending nodes to be drained:\n k8s-worker01\n' +
        'error when evicting pods/"kv-0" -n "default": global timeout reached: 7s\n',
      exitCode: 1,
    });
  });

  it('deletes instead of evicting with --disable-eviction and needs --force for pods without a controller', async () => {
    const s = await start();
    await s.exec('kubectl apply -f solo.yaml');
    await s.advance(5000);
    expect(await run(s, 'kubectl drain k8s-worker03 --pod-selector=run=solo')).toEqual({
      output:
        'node/k8s-worker03 cordoned\n' +
        'error: unable to drain node "k8s-worker03" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo, continuing command...\n' +
        'There are pending nodes to be drained:\n k8s-worker03\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo\n',
      exitCode: 1,
    });
    expect(await run(s, 'kubectl drain k8s-worker03 --force --disable-eviction --pod-selector=run=solo')).toEqual({
      output: 'node/k8s-worker03 already cordoned\nWarning: deleting Pods that declare no controller: default/solo\npod/solo deleted\nnode/k8s-worker03 drained\n',
      exitCode: 0,
    });
    expect(await run(s, 'kubectl drain k8s-worker03 --pod-selector="a in (b"')).toEqual({ output: 'error: --pod-selector=<pod_selector> must be a valid label selector\n', exitCode: 1 });
  });
});
