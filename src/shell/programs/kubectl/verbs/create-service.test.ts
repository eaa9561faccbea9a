import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';

type S = Awaited<ReturnType<typeof createSession>>;
let session: S | undefined;
afterEach(() => session?.close());

async function open() {
  session = await createSession({});
  const s = session;
  return async (line: string) => {
    const r = await s.exec(line);
    return { output: r.output, exitCode: r.exitCode };
  };
}

const err = (text: string) => ({ output: `error: ${text}\n`, exitCode: 1 });

describe('kubectl create service', () => {
  it('generates a ClusterIP Service selecting app=NAME, one named port per --tcp', async () => {
    const run = await open();
    expect(await run('kubectl create service clusterip my-cs --tcp=5678:8080 --tcp=443:https --dry-run=client -o yaml')).toEqual({
      output:
        'apiVersion: v1\n' +
        'kind: Service\n' +
        'metadata:\n' +
        '  creationTimestamp: null\n' +
        '  labels:\n' +
        '    app: my-cs\n' +
        '  name: my-cs\n' +
        'spec:\n' +
        '  ports:\n' +
        '  - name: 5678-8080\n' +
        '    port: 5678\n' +
        '    protocol: TCP\n' +
        '    targetPort: 8080\n' +
        '  - name: 443-https\n' +
        '    port: 443\n' +
        '    protocol: TCP\n' +
        '    targetPort: https\n' +
        '  selector:\n' +
        '    app: my-cs\n' +
        '  type: ClusterIP\n' +
        'status:\n' +
        '  loadBalancer: {}\n',
      exitCode: 0,
    });
  });

  it('creates headless, NodePort and ExternalName Services the cluster serves', async () => {
    const run = await open();
    expect(await run('kubectl create service clusterip db-headless --clusterip=None')).toEqual({ output: 'service/db-headless created\n', exitCode: 0 });
    expect(await run('kubectl create svc nodeport np --tcp=80:8080 --node-port=30080')).toEqual({ output: 'service/np created\n', exitCode: 0 });
    expect(await run('kubectl create service externalname ext --external-name=db.example.com')).toEqual({ output: 'service/ext created\n', exitCode: 0 });
    expect(await run('kubectl create service loadbalancer lb --tcp=80 -o name')).toEqual({ output: 'service/lb\n', exitCode: 0 });
    expect(await run('kubectl get svc db-headless np ext -o custom-columns=NAME:.metadata.name,TYPE:.spec.type,SEL:.spec.selector.app,EXT:.spec.externalName')).toEqual({
      output:
        'NAME          TYPE           SEL           EXT\n' +
        'db-headless   ClusterIP      db-headless   <none>\n' +
        'np            NodePort       np            <none>\n' +
        'ext           ExternalName   ext           db.example.com\n',
      exitCode: 0,
    });
    expect(await run('kubectl get svc db-headless -o jsonpath={.spec.clusterIP}')).toEqual({ output: 'None', exitCode: 0 });
    expect(await run("kubectl get svc np -o jsonpath='{.spec.ports[0].nodePort} {.spec.ports[0].targetPort}'")).toEqual({ output: '30080 8080', exitCode: 0 });
    expect(await run('kubectl create service clusterip np --tcp=80')).toEqual(err('failed to create ClusterIP service: services "np" already exists'));
  });

  it('validates NAME, ports and the external name as create_service.go does', async () => {
    const run = await open();
    expect(await run('kubectl create service clusterip')).toEqual(err("exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples"));
    expect(await run('kubectl create service clusterip s')).toEqual(err('at least one tcp port specifier must be provided'));
    expect(await run('kubectl create service nodeport s')).toEqual(err('at least one tcp port specifier must be provided'));
    expect(await run('kubectl create service clusterip s --tcp=abc')).toEqual(err('strconv.ParseUint: parsing "abc": invalid syntax'));
    expect(await run('kubectl create service clusterip s --tcp=70000')).toEqual(err('strconv.ParseUint: parsing "70000": value out of range'));
    expect(await run('kubectl create service clusterip s --tcp=80:0')).toEqual(err('must be between 1 and 65535, inclusive'));
    expect(await run('kubectl create service clusterip s --tcp=80:Bad_Name')).toEqual(err('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'));
    expect(await run('kubectl create service externalname s')).toEqual(err('required flag(s) "external-name" not set'));
    expect(await run('kubectl create service externalname s --external-name=Bad_Host')).toEqual(err('invalid service external name Bad_Host'));
    expect(await run('kubectl get svc s')).toEqual({ output: 'Error from server (NotFound): services "s" not found\n', exitCode: 1 });
  });
});
