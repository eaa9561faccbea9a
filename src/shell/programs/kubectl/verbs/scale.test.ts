import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { startWeb, type WebSession } from './mutate-session.testkit';

let web: WebSession | undefined;
afterEach(() => web?.session.close());

describe('kubectl scale', () => {
  it('scales a StatefulSet 2→3 and the controller creates web-2', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl scale sts web --replicas=3')).toEqual({ output: 'statefulset.apps/web scaled\n', exitCode: 0 });
    await web.session.advance(60_000);
    expect(await web.exec('kubectl get pods')).toEqual({
      output:
        'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'web-0   1/1     Running   0          2m\n' +
        'web-1   1/1     Running   0          118s\n' +
        'web-2   1/1     Running   0          60s\n',
      exitCode: 0,
    });
    expect(await web.exec('kubectl get sts web -o jsonpath={.spec.replicas}')).toEqual({ output: '3', exitCode: 0 });
  });

  it('accepts TYPE/NAME, -f FILE and -l, and prints -o name and dry runs like kubectl', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl scale --replicas=2 statefulset/web')).toEqual({ output: 'statefulset.apps/web scaled\n', exitCode: 0 });
    expect(await web.exec('kubectl scale --replicas=2 -f web.yaml')).toEqual({
      output: 'Error from server (NotFound): the server could not find the requested resource\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl scale sts -l app!=nothing --replicas=2 -o name')).toEqual({ output: 'statefulset.apps/web\n', exitCode: 0 });
    const before = await web.snapshot('sts web');
    expect(await web.exec('kubectl scale sts web --replicas=5 --dry-run=client')).toEqual({ output: 'statefulset.apps/web scaled (dry run)\n', exitCode: 0 });
    expect(await web.exec('kubectl scale sts web --replicas=5 --dry-run=server')).toEqual({ output: 'statefulset.apps/web scaled (server dry run)\n', exitCode: 0 });
    expect(await web.snapshot('sts web')).toBe(before);
  });

  it('checks --current-replicas and --resource-version before scaling', async () => {
    web = await startWeb(createSession);
    const before = await web.snapshot('sts web');
    expect(await web.exec('kubectl scale sts web --current-replicas=3 --replicas=1')).toEqual({ output: 'error: Expected replicas to be 3, was 2\n', exitCode: 1 });
    expect(await web.exec('kubectl scale sts web --resource-version=1 --replicas=1')).toEqual({
      output: `error: Expected resource version to be 1, was ${JSON.parse(before).metadata.resourceVersion}\n`,
      exitCode: 1,
    });
    expect(await web.snapshot('sts web')).toBe(before);
    expect(await web.exec('kubectl scale sts web --current-replicas=2 --replicas=1')).toEqual({ output: 'statefulset.apps/web scaled\n', exitCode: 0 });
  });

  it('rejects a missing or negative --replicas and unknown objects, changing nothing', async () => {
    web = await startWeb(createSession);
    const before = await web.snapshot('sts web');
    expect(await web.exec('kubectl scale sts web')).toEqual({ output: 'error: required flag(s) "replicas" not set\n', exitCode: 1 });
    expect(await web.exec('kubectl scale sts web --replicas=-1')).toEqual({
      output: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl scale sts nope --replicas=3')).toEqual({
      output: 'error: no objects passed to scale statefulsets.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl scale pod web-0 --replicas=3')).toEqual({
      output: 'Error from server (NotFound): the server could not find the requested resource\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl scale sts --replicas=3')).toEqual({ output: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 });
    expect(await web.exec('kubectl scale --replicas=3')).toEqual({
      output:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      exitCode: 1,
    });
    expect(await web.snapshot('sts web')).toBe(before);
  });

  it('scales the objects it finds and then reports the missing ones', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl scale sts web nope --replicas=3')).toEqual({
      output: 'statefulset.apps/web scaled\nError from server (NotFound): statefulsets.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl get sts web -o jsonpath={.spec.replicas}')).toEqual({ output: '3', exitCode: 0 });
  });

  it('waits with --timeout until the set reports the new replica count', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl scale sts web --replicas=3 --timeout=2m')).toEqual({ output: 'statefulset.apps/web scaled\n', exitCode: 0 });
    expect(await web.exec('kubectl get sts web -o jsonpath={.status.replicas}')).toEqual({ output: '3', exitCode: 0 });
    expect(await web.exec('kubectl scale sts web --replicas=3 --timeout=soon')).toEqual({
      output: 'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee \'kubectl scale --help\' for usage.\n',
      exitCode: 1,
    });
  });
});
