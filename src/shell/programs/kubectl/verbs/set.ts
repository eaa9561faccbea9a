/** kubectl set image (pkg/cmd/set/set_image.go): change container images in pod templates by strategic patch. */
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import type { Json } from '../printers/types';
import { typeOf } from '../resources/mapping';
import { fetchTargets, SELECTOR_FLAG, TARGET_FILENAME_FLAGS, targetName, type Target } from '../rollout/targets';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix } from './write-common';

/** cmdutil.GetResourcesAndPairs: resources first, then NAME=VALUE pairs. */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) {
      resources.push(s);
    } else {
      throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    }
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs without removal support: later pairs for the same name win. */
function parseImagePairs(pairs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) out.set(p.slice(0, eq), p.slice(eq + 1));
    else invalid.push(p);
  }
  if (invalid.length) throw new KubectlError(`invalid image format: ${invalid.join(', ')}`);
  return out;
}

/** polymorphichelpers.UpdatePodSpecForObject: where each kind keeps its pod spec. */
function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'ReplicationController':
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

/** A strategic patch that puts `containers` (merged by name) at the pod spec's place. */
function nest(path: string[], leaf: Json): Json {
  return path.reduceRight<Json>((inner, key) => ({ [key]: inner }), leaf);
}

async function runSetImage(inv: Invocation, flags: Flags): Promise<number> {
  const { resources, pairs } = splitResourcesAndPairs(flags.args, 'image');
  const images = parseImagePairs(pairs);
  const selector = flags.string('selector');
  const all = flags.bool('all');
  const { targets, errors: fetchErrors } = await fetchTargets(inv, flags, resources, all);
  if (fetchErrors.length) throw new AggregateError(fetchErrors);
  const problems: string[] = [];
  if (all && selector) problems.push('cannot set --all and --selector at the same time');
  if (resources.length < 1 && flags.list('filename').length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.size < 1) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (problems.length === 1) throw new KubectlError(problems[0]);
  if (problems.length > 1) throw new KubectlError(`[${problems.join(', ')}]`);

  const dryRun = dryRunOf(flags);
  const errors: unknown[] = [];
  for (const t of targets) await setImages(inv, t, images, dryRun, errors);
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

async function setImages(inv: Invocation, t: Target, images: Map<string, string>, dryRun: 'none' | 'client' | 'server', errors: unknown[]): Promise<void> {
  const path = podSpecPath(t.info.kind);
  if (!path) {
    errors.push(new KubectlError(`error: ${targetName(t)} no pod spec found for ${t.info.kind}\n`));
    return;
  }
  let spec: Json = t.obj;
  for (const key of path) spec = spec?.[key];
  const changes: Record<string, { name: string; image: string; init: boolean }> = {};
  for (const [name, image] of images) {
    let found = false;
    for (const [list, init] of [[spec?.initContainers ?? [], true], [spec?.containers ?? [], false]] as Array<[Json[], boolean]>) {
      for (const c of list) {
        if (c.name !== name && name !== '*') continue;
        found = true;
        if (c.image !== image) changes[`${init}/${c.name}`] = { name: c.name, image, init };
      }
    }
    if (!found) errors.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
  }
  const changed = Object.values(changes);
  if (changed.length === 0) return;
  const leaf: Json = {};
  const containers = changed.filter((c) => !c.init).map((c) => ({ image: c.image, name: c.name }));
  const initContainers = changed.filter((c) => c.init).map((c) => ({ image: c.image, name: c.name }));
  if (containers.length) leaf.containers = containers;
  if (initContainers.length) leaf.initContainers = initContainers;
  if (dryRun !== 'client') {
    try {
      const options = dryRun === 'server' ? { dryRun: true } : undefined;
      await inv.client.patch(typeOf(t.info), t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', nest(path, leaf), options);
    } catch (e) {
      errors.push(new KubectlError(`failed to patch image update to pod template: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
  }
  inv.out(`${targetName(t)} image updated${dryRunSuffix(dryRun)}\n`);
}

const setImageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)

Examples:
  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [
    ...TARGET_FILENAME_FLAGS,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'local', type: 'bool', usage: 'If true, set image will NOT contact api-server but run locally.' },
    { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command.', hidden: true },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  run: runSetImage,
};

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [setImageCommand],
};
