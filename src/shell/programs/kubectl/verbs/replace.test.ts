import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { startWeb, WEB_YAML, type WebSession } from './mutate-session.testkit';

let web: WebSession | undefined;
afterEach(() => web?.session.close());

const BIGGER = WEB_YAML.replace('storage: 1Gi', 'storage: 5Gi');
const NEW_IMAGE = WEB_YAML.replace('nginx-slim:0.24', 'nginx-slim:0.27');

describe('kubectl replace', () => {
  it('replaces each object of the file with the server keeping its resourceVersion', async () => {
    web = await startWeb(createSession, { 'new-image.yaml': NEW_IMAGE });
    expect(await web.exec('kubectl replace -f new-image.yaml')).toEqual({ output: 'service/nginx replaced\nstatefulset.apps/web replaced\n', exitCode: 0 });
    expect(await web.exec("kubectl get sts web -o jsonpath='{.spec.template.spec.containers[0].image}'")).toEqual({ output: 'registry.k8s.io/nginx-slim:0.27', exitCode: 0 });
  });

  it('refuses a change to immutable StatefulSet fields as the API server does, and changes nothing', async () => {
    web = await startWeb(createSession, { 'bigger.yaml': BIGGER });
    const before = await web.snapshot('sts web');
    expect(await web.exec('kubectl replace -f bigger.yaml')).toEqual({
      output:
        'service/nginx replaced\n' +
        "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
      exitCode: 1,
    });
    expect(await web.snapshot('sts web')).toBe(before);
  });

  it('with --force deletes, waits and creates again: the new claim template applies, the old claims stay bound', async () => {
    web = await startWeb(createSession, { 'bigger.yaml': BIGGER });
    expect(await web.exec('kubectl replace --force -f bigger.yaml')).toEqual({
      output: 'service "nginx" deleted\nstatefulset.apps "web" deleted\nservice/nginx replaced\nstatefulset.apps/web replaced\n',
      exitCode: 0,
    });
    await web.session.advance(60_000);
    expect(await web.exec("kubectl get sts web -o jsonpath='{.spec.volumeClaimTemplates[0].spec.resources.requests.storage}'")).toEqual({ output: '5Gi', exitCode: 0 });
    expect(await web.exec('kubectl get pvc -o custom-columns=NAME:.metadata.name,CAPACITY:.status.capacity.storage')).toEqual({
      output: 'NAME        CAPACITY\nwww-web-0   1Gi\nwww-web-1   1Gi\n',
      exitCode: 0,
    });
  });

  it("reports kubectl's errors for objects that do not exist and for flags that need --force", async () => {
    web = await startWeb(createSession, { 'other.yaml': WEB_YAML.replace('kind: StatefulSet\nmetadata:\n  name: web', 'kind: StatefulSet\nmetadata:\n  name: shop') });
    expect(await web.exec('kubectl replace -f other.yaml')).toEqual({
      output: 'service/nginx replaced\nError from server (NotFound): error when replacing "other.yaml": statefulsets.apps "shop" not found\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl replace -f other.yaml --grace-period=3')).toEqual({ output: 'error: --grace-period must have --force specified\n', exitCode: 1 });
    expect(await web.exec('kubectl replace')).toEqual({ output: 'error: must specify --filename to replace\n', exitCode: 1 });
    expect(await web.exec('kubectl replace -f web.yaml --timeout=0s --grace-period=-1')).toEqual({ output: 'service/nginx replaced\nstatefulset.apps/web replaced\n', exitCode: 0 });
    expect(await web.exec('kubectl replace -f other.yaml --cascade=sideways')).toEqual({
      output: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n',
      exitCode: 1,
    });
    expect(await web.exec('kubectl replace --force -f other.yaml --timeout=soon')).toEqual({
      output: `error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee 'kubectl replace --help' for usage.\n`,
      exitCode: 1,
    });
  });

  it('takes a boolean --cascade with the delete command\'s deprecation warning', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl replace --force --cascade=false -f web.yaml')).toEqual({
      output:
        'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n' +
        'service "nginx" deleted\nstatefulset.apps "web" deleted\nservice/nginx replaced\nstatefulset.apps/web replaced\n',
      exitCode: 0,
    });
    expect(await web.exec('kubectl get pods -o name')).toEqual({ output: 'pod/web-0\npod/web-1\n', exitCode: 0 });
  });
});
