import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../headless';

let session: Session;
afterEach(() => session?.close());

async function run(line: string) {
  const { output, exitCode } = await session.exec(line);
  return { output, exitCode };
}

const TOLERANT = `apiVersion: v1
kind: Pod
metadata:
  name: patient
spec:
  nodeName: k8s-worker02
  containers: [{name: c, image: nginx:1.27}]
  tolerations: [{key: maintenance, operator: Exists, effect: NoExecute, tolerationSeconds: 60}]
---
apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  nodeName: k8s-worker02
  containers: [{name: c, image: nginx:1.27}]
`;

describe('kubectl taint', () => {
  it('adds, overwrites and removes taints with the operation kubectl names', async () => {
    session = createSession({ seed: 4 });
    expect(await run('kubectl taint nodes k8s-worker02 dedicated=db:NoSchedule')).toEqual({ output: 'node/k8s-worker02 tainted\n', exitCode: 0 });
    expect(await run('kubectl taint nodes k8s-worker02 dedicated=web:NoSchedule')).toEqual({
      output: 'error: node k8s-worker02 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
      exitCode: 1,
    });
    expect(await run('kubectl taint nodes k8s-worker02 dedicated=web:NoSchedule --overwrite')).toEqual({ output: 'node/k8s-worker02 modified\n', exitCode: 0 });
    expect(await run("kubectl get node k8s-worker02 -o jsonpath='{.spec.taints}'")).toEqual({ output: '[{"effect":"NoSchedule","key":"dedicated","value":"web"}]', exitCode: 0 });
    expect(await run('kubectl taint nodes k8s-worker02 dedicated-')).toEqual({ output: 'node/k8s-worker02 untainted\n', exitCode: 0 });
    expect(await run('kubectl taint nodes k8s-worker02 dedicated:NoSchedule-')).toEqual({ output: 'error: taint "dedicated:NoSchedule" not found\n', exitCode: 1 });
    expect(await run('kubectl taint node -l kubernetes.io/hostname=k8s-worker03 spot:PreferNoSchedule -o name')).toEqual({ output: 'node/k8s-worker03\n', exitCode: 0 });
  });

  it('rejects bad specs, non-node resources and misplaced arguments as kubectl does', async () => {
    session = createSession({ seed: 4 });
    expect(await run('kubectl taint nodes k8s-worker01 a=b:Never')).toEqual({
      output: "error: invalid taint effect: Never, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
      exitCode: 1,
    });
    // Without an effect the whole argument is the key, and a key has no '='.
    expect(await run('kubectl taint nodes k8s-worker01 a=b')).toEqual({
      output:
        "error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
        "See 'kubectl taint -h' for help and examples\n",
      exitCode: 1,
    });
    expect(await run('kubectl taint pods web-0 a=b:NoSchedule')).toEqual({ output: 'error: invalid resource type pods, only node types are supported\n', exitCode: 1 });
    expect(await run('kubectl taint nodes k8s-worker01 a=b:NoSchedule k8s-worker02')).toEqual({ output: 'error: all resources must be specified before taint changes: k8s-worker02\n', exitCode: 1 });
    expect(await run('kubectl taint nodes a=b:NoSchedule')).toEqual({ output: "error: at least one resource name must be specified since 'all' parameter is not set\n", exitCode: 1 });
    expect(await run('kubectl taint nodes k8s-worker01 a=b:NoSchedule a-')).toEqual({
      output: 'error: can not both modify and remove the following taint(s) in the same command: a=\n',
      exitCode: 1,
    });
  });

  it('evicts pods that do not tolerate a NoExecute taint at once, and tolerating ones when their seconds run out', async () => {
    session = createSession({ seed: 4, files: { 'patient.yaml': TOLERANT } });
    await run('kubectl apply -f patient.yaml');
    await session.advance(10_000);
    expect(await run('kubectl taint nodes k8s-worker02 maintenance=now:NoExecute')).toEqual({ output: 'node/k8s-worker02 tainted\n', exitCode: 0 });
    await session.advance(5_000);
    expect(await run('kubectl get pods -o name')).toEqual({ output: 'pod/patient\n', exitCode: 0 });
    expect(await run('kubectl get events --field-selector reason=TaintManagerEviction -o custom-columns=MESSAGE:.message')).toEqual({
      output: 'MESSAGE\nMarking for deletion Pod default/plain\n',
      exitCode: 0,
    });
    await session.advance(60_000);
    expect(await run('kubectl get pods')).toEqual({ output: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('a cordoned node carries the node.kubernetes.io/unschedulable taint until it is uncordoned', async () => {
    session = createSession({ seed: 4 });
    await run('kubectl cordon k8s-worker03');
    expect(await run("kubectl get node k8s-worker03 -o jsonpath='{.spec.taints[*].key}'")).toEqual({ output: 'node.kubernetes.io/unschedulable', exitCode: 0 });
    await run('kubectl uncordon k8s-worker03');
    expect(await run("kubectl get node k8s-worker03 -o jsonpath='{.spec.taints}'")).toEqual({ output: '', exitCode: 0 });
  });
});
