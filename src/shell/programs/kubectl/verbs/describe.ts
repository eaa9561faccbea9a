/** kubectl describe (pkg/cmd/describe): fetch, describe each object, separate them by blank lines. */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { isApiError } from '../../../../cluster/api/errors';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { describeObject, type DescribeContext } from '../describe/index';
import { typeOf } from '../resources/mapping';
import { FILENAME_FLAGS } from './write-common';
import { requestsFor } from './get';

const DESCRIBE_LONG = `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

  $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal
  
  # Describe a pod
  kubectl describe pods/nginx
  
  # Describe a pod identified by type and name in "pod.json"
  kubectl describe -f pod.json
  
  # Describe all pods
  kubectl describe pods
  
  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel
  
  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`;

interface Found {
  info: ResourceInfo;
  obj: KubeObject;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function describeAll(inv: Invocation, flags: Flags, found: Found[], separator: (first: boolean) => string, errors: unknown[]): Promise<void> {
  const ctx: DescribeContext = { client: inv.client, now: inv.now(), showEvents: flags.bool('show-events') };
  const seen = new Set<string>();
  let first = true;
  for (const { info, obj } of found) {
    try {
      const text = await describeObject(ctx, { ...obj, kind: obj.kind || info.kind }, info.group);
      inv.out(separator(first) + text);
      first = false;
    } catch (e) {
      if (seen.has(messageOf(e))) continue;
      seen.add(messageOf(e));
      errors.push(e);
    }
  }
}

/** DescribeMatchingResources: `describe TYPE PREFIX` when no object is named PREFIX. */
async function describePrefix(inv: Invocation, flags: Flags, info: ResourceInfo, prefix: string, original: unknown): Promise<number> {
  const list = await inv.client.list(typeOf(info), { namespace: info.namespaced ? inv.namespace : undefined });
  const matches = list.items.filter((o) => (o.metadata.name ?? '').startsWith(prefix)).map((obj) => ({ info, obj }));
  if (matches.length === 0) throw original;
  const errors: unknown[] = [];
  const ctx: DescribeContext = { client: inv.client, now: inv.now(), showEvents: flags.bool('show-events') };
  for (const m of matches) inv.out((await describeObject(ctx, { ...m.obj, kind: m.obj.kind || info.kind }, info.group)) + '\n');
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

async function runDescribe(inv: Invocation, flags: Flags): Promise<number> {
  if (flags.args.length === 0 && flags.list('filename').length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  const requests = await requestsFor(inv, flags);
  const allNamespaces = flags.bool('all-namespaces');
  const selector = flags.string('selector');
  const found: Found[] = [];
  const errors: unknown[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced ? ((req as { namespace?: string }).namespace ?? inv.namespace) : undefined;
    if (req.name !== undefined) {
      try {
        found.push({ info: req.info, obj: await inv.client.get(typeOf(req.info), ns, req.name) });
      } catch (e) {
        if (isApiError(e) && e.reason === 'NotFound' && flags.args.length === 2 && requests.length === 1) {
          return describePrefix(inv, flags, req.info, req.name, e);
        }
        errors.push(e);
      }
      continue;
    }
    try {
      const list = await inv.client.list(typeOf(req.info), {
        namespace: allNamespaces || !req.info.namespaced ? undefined : ns,
        labelSelector: selector || undefined,
      });
      for (const obj of list.items) found.push({ info: req.info, obj });
    } catch (e) {
      errors.push(e);
    }
  }
  await describeAll(inv, flags, found, (first) => (first ? '' : '\n\n'), errors);
  if (found.length === 0 && errors.length === 0) {
    inv.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  long: DESCRIBE_LONG,
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    ...FILENAME_FLAGS,
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
  ],
  run: runDescribe,
};
