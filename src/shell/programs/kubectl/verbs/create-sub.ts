/** kubectl create namespace | configmap | deployment: objects built from flags. */
import type { KubeObject } from '../../../../cluster/api/types';
import { resolvePath } from '../../../path';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { completeTyped, createOrPrint, TYPED_CREATE_FLAGS, wrapWith } from './create-typed';

export const createNamespaceCommand: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: `Create a namespace with the specified name.

Examples:
  # Create a new namespace named my-namespace
  kubectl create namespace my-namespace`,
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [flags] [options]',
  flags: TYPED_CREATE_FLAGS,
  async run(inv, flags) {
    const name = completeTyped(inv, flags);
    return createOrPrint(inv, flags, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, 'created');
  },
};

export const createConfigMapCommand: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  long: `Create a config map based on a file, directory, or specified literal value.

Examples:
  # Create a new config map named my-config with key1=config1 and key2=config2
  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2`,
  usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags] [options]',
  flags: [
    ...TYPED_CREATE_FLAGS,
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-file', type: 'stringSlice', usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key.' },
  ],
  async run(inv, flags) {
    const name = completeTyped(inv, flags);
    const data: Record<string, string> = {};
    for (const lit of flags.list('from-literal')) {
      const eq = lit.indexOf('=');
      if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
      const key = lit.slice(0, eq);
      if (key in data) throw new KubectlError(`cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${name}"`);
      data[key] = lit.slice(eq + 1);
    }
    for (const spec of flags.list('from-file')) {
      const eq = spec.indexOf('=');
      const path = eq >= 0 ? spec.slice(eq + 1) : spec;
      const abs = resolvePath(inv.io.cwd, path);
      if (!inv.io.fs.exists(abs)) throw new KubectlError(`error reading ${path}: no such file or directory`);
      const key = eq >= 0 ? spec.slice(0, eq) : abs.slice(abs.lastIndexOf('/') + 1);
      data[key] = inv.io.fs.readFile(abs);
    }
    const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } };
    if (inv.namespaceExplicit) obj.metadata.namespace = inv.namespace;
    if (Object.keys(data).length) obj.data = data;
    return createOrPrint(inv, flags, 'configmaps', obj, 'created', wrapWith('failed to create configmap: '));
  },
};

/** The container name kubectl derives from an image: last path segment without tag or digest. */
function containerName(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0].split(':')[0];
}

export const createDeploymentCommand: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: `Create a deployment with the specified name.

Examples:
  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox`,
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [flags] [options]',
  flags: [
    ...TYPED_CREATE_FLAGS,
    { name: 'image', type: 'stringSlice', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
  ],
  async run(inv, flags) {
    const images = flags.list('image');
    // cobra checks required flags before Run.
    if (images.length === 0) throw new KubectlError("required flag(s) \"image\" not set");
    const name = completeTyped(inv, flags);
    const command = flags.args.slice(1);
    if (images.length > 1 && command.length) throw new KubectlError('cannot specify multiple --image options and command');
    const labels = { app: name };
    const containers = images.map((image, i) => {
      const c: Record<string, unknown> = { name: containerName(image), image, resources: {} };
      if (command.length) c.command = command;
      if (i === 0 && flags.int('port') >= 0) c.ports = [{ containerPort: flags.int('port') }];
      return c;
    });
    const obj: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: inv.namespaceExplicit ? { name, namespace: inv.namespace, labels } : { name, labels },
      spec: {
        replicas: flags.int('replicas'),
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { labels }, spec: { containers } },
      },
    };
    return createOrPrint(inv, flags, 'deployments', obj, 'created', wrapWith('failed to create deployment: '));
  },
};
