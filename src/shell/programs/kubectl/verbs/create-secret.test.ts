import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';

type S = Awaited<ReturnType<typeof createSession>>;
let session: S | undefined;
afterEach(() => session?.close());

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

async function open(files: Record<string, string> = {}) {
  session = await createSession({ files });
  const s = session;
  return async (line: string) => {
    const r = await s.exec(line);
    return { output: r.output, exitCode: r.exitCode };
  };
}

describe('kubectl create secret generic', () => {
  it('stores literals base64-encoded, and jsonpath | base64 -d gives them back', async () => {
    const run = await open();
    expect(await run('kubectl create secret generic mysql-pass --from-literal=password=s3cret')).toEqual({ output: 'secret/mysql-pass created\n', exitCode: 0 });
    expect(await run("kubectl get secret mysql-pass -o jsonpath='{.data.password}' | base64 -d")).toEqual({ output: 's3cret', exitCode: 0 });
    expect(await run("kubectl get secret mysql-pass -o jsonpath='{.type} {.data}'")).toEqual({ output: 'Opaque {"password":"czNjcmV0"}', exitCode: 0 });
  });

  it('reads files, directories (regular files only) and env files', async () => {
    const run = await open({ 'conf/a.txt': 'alpha\n', 'conf/b.txt': 'beta', 'conf/sub/c.txt': 'x', 'id_rsa': 'KEY', 'db.env': '# comment\n\nUSER=admin\n  PASS=p=w\n' });
    expect(await run('kubectl create secret generic files --from-file=conf --from-file=ssh-key=id_rsa --from-literal=x=1 --dry-run=client -o yaml')).toEqual({
      output:
        'apiVersion: v1\n' +
        'data:\n' +
        '  a.txt: YWxwaGEK\n' +
        '  b.txt: YmV0YQ==\n' +
        '  ssh-key: S0VZ\n' +
        '  x: MQ==\n' +
        'kind: Secret\n' +
        'metadata:\n' +
        '  creationTimestamp: null\n' +
        '  name: files\n',
      exitCode: 0,
    });
    expect(await run('kubectl create secret generic envs --from-env-file=db.env --type=example.com/db -n kube-system --dry-run=client -o json')).toEqual({
      output:
        '{\n' +
        '    "apiVersion": "v1",\n' +
        '    "data": {\n' +
        '        "PASS": "cD13",\n' +
        '        "USER": "YWRtaW4="\n' +
        '    },\n' +
        '    "kind": "Secret",\n' +
        '    "metadata": {\n' +
        '        "creationTimestamp": null,\n' +
        '        "name": "envs",\n' +
        '        "namespace": "kube-system"\n' +
        '    },\n' +
        '    "type": "example.com/db"\n' +
        '}\n',
      exitCode: 0,
    });
  });

  it('appends the hash kubectl derives from name, type and data', async () => {
    const run = await open();
    expect(await run('kubectl create secret generic x --from-literal=a=b --append-hash')).toEqual({ output: 'secret/x-k694gm4m9h created\n', exitCode: 0 });
    expect(await run('kubectl create secret generic x --from-literal=a=b --dry-run=server')).toEqual({ output: 'secret/x created (server dry run)\n', exitCode: 0 });
    expect(await run('kubectl get secret x')).toEqual({ output: 'Error from server (NotFound): secrets "x" not found\n', exitCode: 1 });
  });

  it('rejects bad arguments and sources with create_secret.go errors', async () => {
    const run = await open({ 'a.txt': 'a', 'dir/f': 'f', 'e.env': '1BAD=x\n' });
    const err = (text: string) => ({ output: `error: ${text}\n`, exitCode: 1 });
    expect(await run('kubectl create secret generic')).toEqual(err("exactly one NAME is required, got 0\nSee 'kubectl create secret generic -h' for help and examples"));
    expect(await run('kubectl create secret generic a b')).toEqual(err("exactly one NAME is required, got 2\nSee 'kubectl create secret generic -h' for help and examples"));
    expect(await run('kubectl create secret generic s --from-literal=k=1 --from-literal=k=2')).toEqual(err('cannot add key k, another key by that name already exists'));
    expect(await run('kubectl create secret generic s --from-literal=novalue')).toEqual(err('invalid literal source novalue, expected key=value'));
    expect(await run('kubectl create secret generic s --from-literal=b@d=1')).toEqual(
      err(`"b@d" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`),
    );
    expect(await run('kubectl create secret generic s --from-file=missing.txt')).toEqual(err('error reading missing.txt: no such file or directory'));
    expect(await run('kubectl create secret generic s --from-file=k=dir')).toEqual(err('cannot give a key name for a directory path'));
    expect(await run('kubectl create secret generic s --from-file==a.txt')).toEqual(err('key name for file path a.txt missing'));
    expect(await run('kubectl create secret generic s --from-env-file=e.env --from-literal=a=b')).toEqual(err('from-env-file cannot be combined with from-file or from-literal'));
    expect(await run('kubectl create secret generic s --from-env-file=e.env')).toEqual(
      err(`"1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`),
    );
    expect(await run('kubectl create secret generic s --from-literal=a=b --dry-run=maybe')).toEqual(err('Invalid dry-run value (maybe). Must be "none", "server", or "client".'));
    expect(await run('kubectl create secret generic dup --from-literal=a=b')).toEqual({ output: 'secret/dup created\n', exitCode: 0 });
    expect(await run('kubectl create secret generic dup --from-literal=a=b')).toEqual(err('failed to create secret secrets "dup" already exists'));
    expect(await run('kubectl create secret generic s --from-literal=a=b --unknown')).toEqual({
      output: "error: unknown flag: --unknown\nSee 'kubectl create secret generic --help' for usage.\n",
      exitCode: 1,
    });
  });
});

describe('kubectl create secret docker-registry', () => {
  it('builds .dockerconfigjson as kubectl does, with auth = base64(user:password)', async () => {
    const run = await open();
    expect(await run('kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=dev --docker-password=pw --docker-email=dev@example.com')).toEqual({
      output: 'secret/regcred created\n',
      exitCode: 0,
    });
    expect(await run("kubectl get secret regcred -o jsonpath='{.type}'")).toEqual({ output: 'kubernetes.io/dockerconfigjson', exitCode: 0 });
    expect(await run("kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d")).toEqual({
      output: '{"auths":{"registry.example.com":{"username":"dev","password":"pw","email":"dev@example.com","auth":"ZGV2OnB3"}}}',
      exitCode: 0,
    });
  });

  it('defaults the server to Docker Hub and requires the credentials or --from-file', async () => {
    const run = await open({ 'config.json': '{"auths":{}}' });
    expect(await run("kubectl create secret docker-registry hub --docker-username=u --docker-password=p --dry-run=client -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d")).toEqual({
      output: '{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p","auth":"dTpw"}}}',
      exitCode: 0,
    });
    expect(await run("kubectl create secret docker-registry fromfile --from-file=config.json --dry-run=client -o jsonpath='{.data}'")).toEqual({
      output: '{".dockerconfigjson":"eyJhdXRocyI6e319"}',
      exitCode: 0,
    });
    expect(await run('kubectl create secret docker-registry hub --docker-username=u')).toEqual({
      output: 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
      exitCode: 1,
    });
  });
});

describe('kubectl create secret tls', () => {
  it('stores tls.crt and tls.key with type kubernetes.io/tls', async () => {
    const run = await open({ 'tls.crt': CERT, 'tls.key': KEY });
    expect(await run('kubectl create secret tls site-tls --cert=tls.crt --key=tls.key')).toEqual({ output: 'secret/site-tls created\n', exitCode: 0 });
    expect(await run('kubectl get secret site-tls')).toEqual({ output: 'NAME       TYPE                DATA   AGE\nsite-tls   kubernetes.io/tls   2      0s\n', exitCode: 0 });
    expect(await run("kubectl get secret site-tls -o jsonpath='{.data.tls\\.crt}' | base64 -d")).toEqual({ output: CERT, exitCode: 0 });
  });

  it('reports missing flags, unreadable files and inputs that are not PEM', async () => {
    const run = await open({ 'tls.crt': CERT, 'tls.key': KEY, 'plain.txt': 'hello' });
    expect(await run('kubectl create secret tls t --cert=tls.crt')).toEqual({ output: 'error: key and cert must be specified\n', exitCode: 1 });
    expect(await run('kubectl create secret tls t --cert=nope.crt --key=tls.key')).toEqual({
      output: 'error: Cannot read file nope.crt, open nope.crt: no such file or directory\n',
      exitCode: 1,
    });
    expect(await run('kubectl create secret tls t --cert=plain.txt --key=tls.key')).toEqual({ output: 'error: tls: failed to find any PEM data in certificate input\n', exitCode: 1 });
    expect(await run('kubectl create secret tls t --cert=tls.key --key=tls.crt')).toEqual({
      output: 'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n',
      exitCode: 1,
    });
    expect(await run('kubectl create secret tls t --cert=tls.crt --key=tls.crt')).toEqual({
      output: 'error: tls: found a certificate rather than a key in the PEM for the private key\n',
      exitCode: 1,
    });
  });
});
