/** kubectl create secret generic | docker-registry | tls (create_secret*.go). */
import type { KubeObject } from '../../../../cluster/api/types';
import { base64Encode } from '../../../../cluster/api/registry/simple';
import { resolvePath } from '../../../path';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { toCompactJson } from '../output/json';
import { completeTyped, createOrPrint, TYPED_CREATE_FLAGS, wrapWith } from './create-typed';
import { addEnvFiles, addFiles, addKey, addLiterals, goErrno, secretHash, type SecretData } from './secret-sources';

const APPEND_HASH_FLAG = { name: 'append-hash', type: 'bool' as const, usage: 'Append a hash of the secret to its name.' };

/** newSecretObj + --append-hash, then Run (create, or print with --dry-run=client). */
async function finishSecret(inv: Invocation, flags: Flags, name: string, type: string, data: SecretData): Promise<number> {
  const encoded: Record<string, string> = {};
  for (const [k, v] of data) encoded[k] = base64Encode(v);
  if (flags.bool('append-hash')) name = `${name}-${secretHash(name, type, encoded)}`;
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: {} };
  obj.metadata = { name, creationTimestamp: null } as unknown as KubeObject['metadata'];
  if (inv.namespaceExplicit) obj.metadata.namespace = inv.namespace;
  if (data.size) obj.data = encoded;
  if (type) obj.type = type;
  return createOrPrint(inv, flags, 'secrets', obj, 'created', wrapWith('failed to create secret '));
}

export const createSecretGenericCommand: Command = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).

Examples:
  # Create a new secret named my-secret with keys for each file in folder bar
  kubectl create secret generic my-secret --from-file=path/to/bar
  
  # Create a new secret named my-secret with specified keys instead of names on disk
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub
  
  # Create a new secret named my-secret with key1=supersecret and key2=topsecret
  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret
  
  # Create a new secret named my-secret using a combination of a file and a literal
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret
  
  # Create a new secret named my-secret from env files
  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  usage: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  flags: [
    ...TYPED_CREATE_FLAGS,
    { name: 'from-file', type: 'stringSlice', usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'from-env-file', type: 'stringSlice', usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
    { name: 'type', type: 'string', usage: 'The type of secret to create' },
    APPEND_HASH_FLAG,
  ],
  async run(inv, flags) {
    const name = completeTyped(inv, flags);
    if (!name) throw new KubectlError('name must be specified');
    const envFiles = flags.list('from-env-file');
    const files = flags.list('from-file');
    const literals = flags.list('from-literal');
    if (envFiles.length && (files.length || literals.length)) throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
    const data: SecretData = new Map();
    addLiterals(data, literals);
    addFiles(inv, data, files);
    addEnvFiles(inv, data, envFiles);
    return finishSecret(inv, flags, name, flags.string('type'), data);
  },
};

/** handleDockerCfgJSONContent: DockerConfigJSON in struct field order, empty fields omitted. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Array<[string, string]> = [
    ['username', username],
    ['password', password],
    ['email', email],
    ['auth', base64Encode(`${username}:${password}`)],
  ];
  const fields = entry.filter(([, v]) => v !== '').map(([k, v]) => `"${k}":${toCompactJson(v)}`);
  return `{"auths":{${toCompactJson(server)}:{${fields.join(',')}}}}`;
}

export const createSecretDockerRegistryCommand: Command = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  long: `Create a new secret for use with Docker registries.

 Dockercfg secrets are used to authenticate against Docker registries.

 When using the Docker command line to push images, you can authenticate to a given registry by running: '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.

 That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.

 When creating applications, you may have a Docker registry that requires authentication.  In order for the nodes to pull images on your behalf, they must have the credentials.  You can provide this information by creating a dockercfg secret and attaching it to your service account.

Examples:
  # If you do not already have a .dockercfg file, create a dockercfg secret directly
  kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL
  
  # Create a new secret named my-secret from ~/.docker/config.json
  kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json`,
  usage: 'kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
  flags: [
    ...TYPED_CREATE_FLAGS,
    { name: 'docker-username', type: 'string', usage: 'Username for Docker registry authentication' },
    { name: 'docker-password', type: 'string', usage: 'Password for Docker registry authentication' },
    { name: 'docker-email', type: 'string', usage: 'Email for Docker registry' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', usage: 'Server location for Docker registry' },
    APPEND_HASH_FLAG,
    { name: 'from-file', type: 'stringSlice', usage: 'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.' },
  ],
  async run(inv, flags) {
    const name = completeTyped(inv, flags);
    const files = flags.list('from-file').map((f) => (f.includes('=') ? f : `.dockerconfigjson=${f}`));
    const username = flags.string('docker-username');
    const password = flags.string('docker-password');
    const server = flags.string('docker-server');
    if (!name) throw new KubectlError('name must be specified');
    if (files.length === 0 && (!username || !password || !server)) {
      throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    const data: SecretData = new Map();
    if (files.length) addFiles(inv, data, files);
    else data.set('.dockerconfigjson', dockerConfigJson(username, password, flags.string('docker-email'), server));
    return finishSecret(inv, flags, name, 'kubernetes.io/dockerconfigjson', data);
  },
};

function pemTypes(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([^\n-]*)-----\r?\n[\s\S]*?-----END \1-----/g)].map((m) => m[1]);
}

/** The PEM-level checks of tls.X509KeyPair (kubelab does not parse the DER inside). */
function checkKeyPair(cert: string, key: string): void {
  const certTypes = pemTypes(cert);
  if (!certTypes.includes('CERTIFICATE')) {
    if (certTypes.length === 0) throw new KubectlError('tls: failed to find any PEM data in certificate input');
    if (certTypes.length === 1 && certTypes[0].endsWith('PRIVATE KEY')) {
      throw new KubectlError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    }
    throw new KubectlError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certTypes.join(' ')}]`);
  }
  const keyTypes = pemTypes(key);
  const found = keyTypes.findIndex((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'));
  if (found < 0) {
    if (keyTypes.length === 0) throw new KubectlError('tls: failed to find any PEM data in key input');
    if (keyTypes.length === 1 && keyTypes[0] === 'CERTIFICATE') throw new KubectlError('tls: found a certificate rather than a key in the PEM for the private key');
    throw new KubectlError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keyTypes.join(' ')}]`);
  }
}

/** readFile: `Cannot read file F, open F: …` as os.ReadFile reports it. */
function readTlsFile(inv: Invocation, path: string): string {
  try {
    return inv.io.fs.readFile(resolvePath(inv.io.cwd, path));
  } catch (e) {
    const op = goErrno(e) === 'is a directory' ? 'read' : 'open';
    throw new KubectlError(`Cannot read file ${path}, ${op} ${path}: ${goErrno(e)}`);
  }
}

export const createSecretTlsCommand: Command = {
  name: 'tls',
  short: 'Create a TLS secret',
  long: `Create a TLS secret from the given public/private key pair.

 The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.

Examples:
  # Create a new TLS secret named tls-secret with the given key pair
  kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key`,
  usage: 'kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
  flags: [
    ...TYPED_CREATE_FLAGS,
    { name: 'cert', type: 'string', usage: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', usage: 'Path to private key associated with given certificate.' },
    APPEND_HASH_FLAG,
  ],
  async run(inv, flags) {
    const name = completeTyped(inv, flags);
    const certPath = flags.string('cert');
    const keyPath = flags.string('key');
    if (!keyPath || !certPath) throw new KubectlError('key and cert must be specified');
    const cert = readTlsFile(inv, certPath);
    const key = readTlsFile(inv, keyPath);
    checkKeyPair(cert, key);
    const data: SecretData = new Map();
    addKey(data, 'tls.crt', cert);
    addKey(data, 'tls.key', key);
    return finishSecret(inv, flags, name, 'kubernetes.io/tls', data);
  },
};

export const createSecretCommand: Command = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  long: `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.`,
  usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
  flags: [],
  subcommands: [createSecretDockerRegistryCommand, createSecretGenericCommand, createSecretTlsCommand],
};
