import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { startWeb, type WebSession } from './mutate-session.testkit';

let web: WebSession | undefined;
afterEach(() => web?.session.close());

const POD_LABELS = 'app=nginx\napps.kubernetes.io/pod-index=0\ncontroller-revision-hash=web-75865f88f5\nstatefulset.kubernetes.io/pod-name=web-0\n';

describe('kubectl label', () => {
  it('adds, keeps and removes a label with kubectl\'s messages', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl label pod web-0 tier=db')).toEqual({ output: 'pod/web-0 labeled\n', exitCode: 0 });
    expect(await web.exec('kubectl label pod web-0 tier=db')).toEqual({ output: 'pod/web-0 not labeled\n', exitCode: 0 });
    expect(await web.exec('kubectl get pods -l tier=db -o name')).toEqual({ output: 'pod/web-0\n', exitCode: 0 });
    expect(await web.exec('kubectl label pod web-0 tier-')).toEqual({ output: 'pod/web-0 unlabeled\n', exitCode: 0 });
    expect(await web.exec('kubectl label pod web-0 tier-')).toEqual({ output: 'label "tier" not found.\npod/web-0 not labeled\n', exitCode: 0 });
    expect(await web.exec('kubectl label pod/web-0 --list')).toEqual({ output: POD_LABELS, exitCode: 0 });
  });

  it('refuses to change an existing value without --overwrite, and changes nothing', async () => {
    web = await startWeb(createSession);
    const before = await web.snapshot('pod web-0');
    expect(await web.exec('kubectl label pod web-0 app=other')).toEqual({
      output: "error: 'app' already has a value (nginx), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(await web.snapshot('pod web-0')).toBe(before);
    expect(await web.exec('kubectl label pod web-0 app=other --overwrite --dry-run=client')).toEqual({ output: 'pod/web-0 labeled (dry run)\n', exitCode: 0 });
    expect(await web.snapshot('pod web-0')).toBe(before);
    expect(await web.exec('kubectl label pod web-0 app=other --overwrite')).toEqual({ output: 'pod/web-0 labeled\n', exitCode: 0 });
    expect(await web.exec('kubectl get pod web-0 -o jsonpath={.metadata.labels.app}')).toEqual({ output: 'other', exitCode: 0 });
  });

  it('labels every object of a type with --all or -l, and lists several with headers', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl label pods --all env=lab')).toEqual({ output: 'pod/web-0 labeled\npod/web-1 labeled\n', exitCode: 0 });
    expect(await web.exec('kubectl label pods -l env=lab env- ')).toEqual({ output: 'pod/web-0 unlabeled\npod/web-1 unlabeled\n', exitCode: 0 });
    expect(await web.exec('kubectl label sts,svc -l app!=x --list')).toEqual({
      output:
        'Listing labels for StatefulSet.apps/web:\nListing labels for Service./kubernetes:\n component=apiserver\n provider=kubernetes\nListing labels for Service./nginx:\n',
      exitCode: 0,
    });
  });

  it('reports argument mistakes and missing objects as kubectl does', async () => {
    web = await startWeb(createSession);
    const before = await web.snapshot('pods');
    const cases: Array<[string, string]> = [
      ['kubectl label pod web-0', 'error: at least one label update is required\n'],
      ['kubectl label tier=db', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'],
      ['kubectl label pod tier=db web-0', 'error: all resources must be specified before label changes: web-0\n'],
      ['kubectl label pod web-0 a=b=c', 'error: invalid label spec: a=b=c\n'],
      ['kubectl label pod web-0 tier=db tier-', 'error: can not both modify and remove a label in the same command\n'],
      [
        "kubectl label pod web-0 'tier=no good'",
        'error: invalid label value: "tier=no good": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')\n',
      ],
      ['kubectl label pods --all -l app=nginx x=y', 'error: cannot set --all and --selector at the same time\n'],
      ['kubectl label pod web-0 --list -o name', 'error: --list and --output may not be specified together\n'],
      ['kubectl label pods x=y --resource-version=1 -l app=nginx', 'error: --resource-version may only be used with a single resource\n'],
      ['kubectl label pod web-9 x=y', 'Error from server (NotFound): pods "web-9" not found\n'],
    ];
    for (const [line, output] of cases) expect({ line, ...(await web.exec(line)) }).toEqual({ line, output, exitCode: 1 });
    expect(await web.snapshot('pods')).toBe(before);
  });

  it('fails with Conflict when --resource-version is stale', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl label pod web-0 x=y --resource-version=1')).toEqual({
      output: 'Error from server (Conflict): Operation cannot be fulfilled on pods "web-0": the object has been modified; please apply your changes to the latest version and try again\n',
      exitCode: 1,
    });
  });
});

describe('kubectl annotate', () => {
  it('adds, refuses to overwrite, overwrites and removes annotations', async () => {
    web = await startWeb(createSession);
    expect(await web.exec("kubectl annotate sts web description='my web'")).toEqual({ output: 'statefulset.apps/web annotated\n', exitCode: 0 });
    const before = await web.snapshot('sts web');
    expect(await web.exec('kubectl annotate sts web description=other')).toEqual({
      output: "error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my web)\n",
      exitCode: 1,
    });
    expect(await web.snapshot('sts web')).toBe(before);
    expect(await web.exec('kubectl annotate sts web description=a=b --overwrite')).toEqual({ output: 'statefulset.apps/web annotated\n', exitCode: 0 });
    expect(await web.exec('kubectl get sts web -o jsonpath={.metadata.annotations.description}')).toEqual({ output: 'a=b', exitCode: 0 });
    expect(await web.exec('kubectl annotate pod web-0 note=x')).toEqual({ output: 'pod/web-0 annotated\n', exitCode: 0 });
    expect(await web.exec('kubectl annotate pod web-0 --list')).toEqual({ output: 'note=x\n', exitCode: 0 });
    expect(await web.exec('kubectl annotate pod web-0 note- missing-')).toEqual({ output: 'pod/web-0 annotated\n', exitCode: 0 });
    expect(await web.exec('kubectl annotate pod web-0 --list')).toEqual({ output: '', exitCode: 0 });
  });

  it('reports argument mistakes as kubectl does', async () => {
    web = await startWeb(createSession);
    const cases: Array<[string, string]> = [
      ['kubectl annotate sts web', 'error: at least one annotation update is required\n'],
      ['kubectl annotate sts web a=1 a-', 'error: can not both modify and remove the following annotation(s) in the same command: a\n'],
      ['kubectl annotate a=1', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'],
      ['kubectl annotate sts nope a=1', 'Error from server (NotFound): statefulsets.apps "nope" not found\n'],
    ];
    for (const [line, output] of cases) expect({ line, ...(await web.exec(line)) }).toEqual({ line, output, exitCode: 1 });
  });
});
