import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { startWeb, type WebSession } from './mutate-session.testkit';

let web: WebSession | undefined;
afterEach(() => web?.session.close());

const PARTITION = `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'`;
const ON_DELETE = `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete"}}}'`;

describe('kubectl patch (seed 003)', () => {
  it('sets a partition, then reports the same patch as no change', async () => {
    web = await startWeb(createSession);
    expect(await web.exec(PARTITION)).toEqual({ output: 'statefulset.apps/web patched\n', exitCode: 0 });
    expect(await web.exec('kubectl get sts web -o jsonpath={.spec.updateStrategy}')).toEqual({
      output: '{"rollingUpdate":{"partition":2},"type":"RollingUpdate"}',
      exitCode: 0,
    });
    expect(await web.exec(PARTITION)).toEqual({ output: 'statefulset.apps/web patched (no change)\n', exitCode: 0 });
  });

  it('is rejected by validation when switching to OnDelete while rollingUpdate remains, and changes nothing', async () => {
    web = await startWeb(createSession);
    await web.exec(PARTITION);
    const before = await web.snapshot('sts web');
    expect(await web.exec(ON_DELETE)).toEqual({
      output:
        'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:2, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy \'RollingUpdate\'\n',
      exitCode: 1,
    });
    expect(await web.snapshot('sts web')).toBe(before);
    expect(await web.exec(`kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`)).toEqual({
      output: 'statefulset.apps/web patched\n',
      exitCode: 0,
    });
    expect(await web.exec('kubectl get sts web -o jsonpath={.spec.updateStrategy}')).toEqual({ output: '{"type":"OnDelete"}', exitCode: 0 });
  });
});

describe('kubectl patch types and inputs', () => {
  it('applies merge and JSON patches, YAML patches and --patch-file', async () => {
    web = await startWeb(createSession, { 'replicas.yaml': 'spec:\n  replicas: 1\n' });
    expect(await web.exec(`kubectl patch sts web --type merge -p 'spec: {minReadySeconds: 5}'`)).toEqual({ output: 'statefulset.apps/web patched\n', exitCode: 0 });
    expect(await web.exec(`kubectl patch sts/web --type=json -p '[{"op":"replace","path":"/spec/minReadySeconds","value":7}]'`)).toEqual({
      output: 'statefulset.apps/web patched\n',
      exitCode: 0,
    });
    expect(await web.exec('kubectl patch sts web --patch-file replicas.yaml -o name')).toEqual({ output: 'statefulset.apps/web\n', exitCode: 0 });
    expect(await web.exec('kubectl get sts web -o jsonpath={.spec.minReadySeconds}/{.spec.replicas}')).toEqual({ output: '7/1', exitCode: 0 });
  });

  it('prints no dry-run suffix (kubectl overwrites it) and leaves the object alone', async () => {
    web = await startWeb(createSession);
    const before = await web.snapshot('sts web');
    expect(await web.exec(`kubectl patch sts web -p '{"spec":{"replicas":4}}' --dry-run=client`)).toEqual({ output: 'statefulset.apps/web patched\n', exitCode: 0 });
    expect(await web.exec(`kubectl patch sts web -p '{"spec":{"replicas":4}}' --dry-run=server`)).toEqual({ output: 'statefulset.apps/web patched\n', exitCode: 0 });
    expect(await web.snapshot('sts web')).toBe(before);
  });

  it('reports bad input the way kubectl and the API server do, changing nothing', async () => {
    web = await startWeb(createSession);
    const before = await web.snapshot('sts web');
    const cases: Array<[string, string]> = [
      [`kubectl patch sts web -p '{"spec":{"replicas":3}'`, 'error: unable to parse "{\\"spec\\":{\\"replicas\\":3}": yaml: line 1: did not find expected \',\' or \'}\'\n'],
      [`kubectl patch sts web -p '{"spec":"x}'`, 'error: unable to parse "{\\"spec\\":\\"x}": yaml: line 1: found unexpected end of stream\n'],
      [`kubectl patch sts web --type json -p '{"spec":{"replicas":3}}'`, 'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n'],
      [`kubectl patch sts web --type merge -p '{"spec":{"replicas":-1}}'`, 'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'],
      [`kubectl patch sts web --type foo -p '{}'`, 'error: --type must be one of [json merge strategic], not "foo"\n'],
      ['kubectl patch sts web', 'error: must specify --patch or --patch-file containing the contents of the patch\n'],
      [`kubectl patch sts web -p '{}' --patch-file x.yaml`, 'error: cannot specify --patch and --patch-file together\n'],
      ['kubectl patch sts web --patch-file missing.yaml', 'error: unable to read patch file: open missing.yaml: no such file or directory\n'],
      [`kubectl patch sts nope -p '{}'`, 'Error from server (NotFound): statefulsets.apps "nope" not found\n'],
      [`kubectl patch sts -p '{}'`, 'error: resource(s) were provided, but no name was specified\n'],
      [`kubectl patch foo web -p '{}'`, 'error: the server doesn\'t have a resource type "foo"\n'],
    ];
    for (const [line, output] of cases) expect({ line, ...(await web.exec(line)) }).toEqual({ line, output, exitCode: 1 });
    expect(await web.snapshot('sts web')).toBe(before);
  });
});
