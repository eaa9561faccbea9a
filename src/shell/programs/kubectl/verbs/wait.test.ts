import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { parseWaitFor } from './wait-condition';
import { startWeb, type WebSession } from './mutate-session.testkit';

let web: WebSession | undefined;
afterEach(() => web?.session.close());

describe('kubectl wait', () => {
  it('waits for a condition on each pod a selector matches, then prints "condition met"', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl wait --for=condition=Ready pod -l app=nginx --timeout=2m')).toEqual({
      output: 'pod/web-0 condition met\npod/web-1 condition met\n',
      exitCode: 0,
    });
    expect(await web.exec("kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 statefulset/web -o name")).toEqual({ output: 'statefulset.apps/web\n', exitCode: 0 });
    expect(await web.exec('kubectl wait --for=jsonpath={.status.phase}=running pod/web-1 --timeout=0')).toEqual({
      output: 'error: condition not met for pods/web-1\n',
      exitCode: 1,
    });
  });

  it('holds until a new pod becomes Ready, in any namespace and under any name', async () => {
    const session = createSession({ seed: 11 });
    const run = async (line: string) => {
      const { output, exitCode } = await session.exec(line);
      return { output, exitCode };
    };
    try {
      await run('kubectl create namespace queue');
      await run('kubectl -n queue run broker --image=busybox:1.36 -- sleep 3600');
      expect(await run('kubectl -n queue get pod broker -o jsonpath={.status.phase}')).toEqual({ output: 'Pending', exitCode: 0 });
      expect(await run('kubectl -n queue wait --for=condition=Ready pod/broker')).toEqual({ output: 'pod/broker condition met\n', exitCode: 0 });
      expect(await run('kubectl -n queue get pod broker -o jsonpath={.status.phase}')).toEqual({ output: 'Running', exitCode: 0 });
    } finally {
      session.close();
    }
  });

  it('times out with the resource and name when the condition never comes', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl wait --for=condition=Ready statefulset/web --timeout=5s')).toEqual({
      output: 'error: timed out waiting for the condition on statefulsets/web\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl wait --for=create configmap/later --timeout=2s')).toEqual({ output: 'error: timed out waiting for the condition\n', exitCode: 1 });
  });

  it('waits for deletion, and takes an object already gone as done', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl delete pod web-1 --wait=false')).toEqual({ output: 'pod "web-1" deleted\n', exitCode: 0 });
    expect(await web.exec('kubectl wait --for=delete pod/web-1 --timeout=60s')).toEqual({ output: 'pod/web-1 condition met\n', exitCode: 0 });
    expect(await web.exec('kubectl wait --for=delete pod/never-there')).toEqual({ output: '', exitCode: 0 });
  });

  it("reports kubectl's errors for missing objects, selectors without matches, bad --for and --timeout", async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl wait --for=condition=Ready pod/nope')).toEqual({ output: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(await web.exec('kubectl wait --for=condition=Ready pod -l app=none')).toEqual({ output: 'error: no matching resources found\n', exitCode: 1 });
    expect(await web.exec('kubectl wait pod/web-0')).toEqual({ output: 'error: unrecognized condition: ""\n', exitCode: 1 });
    expect(await web.exec('kubectl wait --for=condition=Ready pods')).toEqual({ output: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 });
    expect(await web.exec("kubectl wait --for=jsonpath='{.spec}'=x pod/web-0")).toEqual({
      output: 'error: jsonpath leads to a nested object or list which is not supported\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl wait --for=condition=Ready pod/web-0 --timeout=soon')).toEqual({
      output: 'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee \'kubectl wait --help\' for usage.\n',
      exitCode: 1,
    });
  });
});

describe('--for', () => {
  it('parses conditions with a value, JSONPath with filters, and the create/delete keywords', () => {
    expect(parseWaitFor('condition=Ready=false')).toEqual({ kind: 'condition', name: 'Ready', status: 'false' });
    expect(parseWaitFor('condition=Available')).toEqual({ kind: 'condition', name: 'Available', status: 'true' });
    expect(parseWaitFor('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True')).toEqual({
      kind: 'jsonpath',
      expression: '{.status.conditions[?(@.type=="Ready")].status}',
      value: 'True',
    });
    expect(parseWaitFor('jsonpath=.status.readyReplicas')).toEqual({ kind: 'jsonpath', expression: '{.status.readyReplicas}', value: undefined });
    expect(parseWaitFor('Delete')).toEqual({ kind: 'delete' });
    expect(() => parseWaitFor('jsonpath={.a}=1=2')).toThrow("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    expect(() => parseWaitFor("jsonpath={.a}=''")).toThrow("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  });
});
