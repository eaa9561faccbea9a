/**
 * kubectl wait (pkg/cmd/wait): waits, object by object, until each meets --for
 * (a status condition, a JSONPath value, deletion or creation), then prints
 * `TYPE/NAME condition met`. One deadline (--timeout, 30s) covers them all.
 */
import { isApiError } from '../../../../cluster/api/errors';
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { typeOf } from '../resources/mapping';
import { durationFlag } from '../rollout/duration';
import { visitResources, type VisitedObject, type VisitRequest } from './resource-visit';
import { isMet, parseWaitFor, type WaitFor } from './wait-condition';
import { watchObjectUntil } from './watch-object';
import { FILENAME_FLAGS, OUTPUT_FLAG, ResultPrinter } from './write-common';

const WEEK_MS = 168 * 3_600_000;
const TIMED_OUT = 'timed out waiting for the condition';

/** What is left of the one deadline all objects share (at least 1 ms: 0 would mean no timeout). */
const remaining = (inv: Invocation, deadline: number) => Math.max(1, deadline - inv.now());

/** info.ObjectName(): the plural resource without its group. */
const objectName = (t: VisitedObject) => `${t.info.resource}/${t.name}`;

async function current(inv: Invocation, t: VisitedObject): Promise<KubeObject | undefined> {
  try {
    return await inv.client.get(typeOf(t.info), t.namespace, t.name);
  } catch (e) {
    if (isApiError(e) && e.code === 404) return undefined;
    throw e;
  }
}

/** IsDeleted: gone now, or once a DELETED event (or a new object under the name) arrives. */
async function waitDeleted(inv: Invocation, t: VisitedObject, timeoutMs: number, deadline: number): Promise<KubeObject> {
  const obj = await current(inv, t);
  if (!obj) return t.object;
  if (timeoutMs === 0) throw new KubectlError(`condition not met for ${objectName(t)}`);
  const uid = obj.metadata.uid;
  const deleted = await watchObjectUntil(inv, t, obj, remaining(inv, deadline), (ev) => ev.type === 'DELETED' || ev.object.metadata.uid !== uid);
  if (!deleted) throw new KubectlError(`${TIMED_OUT} on ${objectName(t)}`);
  return obj;
}

/** ConditionalWait / JSONPathWait: the latest object meets the check, or the watch brings one that does. */
async function waitMet(inv: Invocation, t: VisitedObject, waitFor: WaitFor, timeoutMs: number, deadline: number): Promise<KubeObject> {
  const obj = await inv.client.get(typeOf(t.info), t.namespace, t.name);
  if (timeoutMs === 0) {
    if (!isMet(waitFor, obj)) throw new KubectlError(`condition not met for ${objectName(t)}`);
    return obj;
  }
  let last = obj;
  const met = await watchObjectUntil(inv, t, obj, remaining(inv, deadline), (ev) => {
    if (ev.type === 'DELETED') return false;
    last = ev.object;
    return isMet(waitFor, ev.object);
  });
  if (!met) throw new KubectlError(`${TIMED_OUT} on ${objectName(t)}`);
  return last;
}

/** --for=create: polls every 500ms until every named object exists. */
async function waitCreated(inv: Invocation, req: VisitRequest, deadline: number): Promise<void> {
  for (;;) {
    const { errors } = await visitResources(inv, req, async () => {});
    const missing = errors.some((e) => isApiError(e) && e.code === 404);
    if (!missing && errors.length) throw errors[0];
    if (!missing) return;
    if (inv.now() + 500 > deadline) throw new KubectlError(TIMED_OUT);
    await inv.io.sleep(500);
  }
}

async function runWait(inv: Invocation, flags: Flags): Promise<number> {
  const timeout = durationFlag(flags, 'timeout', inv.commandPath);
  const waitFor = parseWaitFor(flags.string('for'));
  const timeoutMs = timeout < 0 ? WEEK_MS : timeout;
  const deadline = inv.now() + timeoutMs;
  const printer = new ResultPrinter(inv, flags.string('output'), 'none');
  const req: VisitRequest = {
    args: flags.args,
    filenames: flags.list('filename'),
    recursive: flags.bool('recursive'),
    selector: flags.string('selector') || undefined,
    fieldSelector: flags.string('field-selector') || undefined,
    all: flags.bool('all'),
    allNamespaces: flags.bool('all-namespaces'),
    latest: true,
  };
  if (waitFor.kind === 'create') await waitCreated(inv, req, deadline);

  // The builder stops at the first failing object: later ones are not waited for.
  let failure: unknown;
  const { errors, count } = await visitResources(inv, req, async (t) => {
    if (failure !== undefined) return;
    try {
      const final =
        waitFor.kind === 'delete' ? await waitDeleted(inv, t, timeoutMs, deadline) : waitFor.kind === 'create' ? t.object : await waitMet(inv, t, waitFor, timeoutMs, deadline);
      printer.print(final, t.info as ResourceInfo, 'condition met');
    } catch (e) {
      failure = e;
    }
  });
  if (failure !== undefined) throw failure;
  // --for=delete takes an object already gone as done (the visitor ignores NotFound).
  const remaining = waitFor.kind === 'delete' ? errors.filter((e) => !(isApiError(e) && e.code === 404)) : errors;
  if (remaining.length) throw remaining[0];
  if (count === 0 && waitFor.kind !== 'delete') throw new KubectlError('no matching resources found');
  return 0;
}

const WAIT_LONG = `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.

Examples:
  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1
  
  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
  kubectl wait --for=condition=Ready=false pod/busybox1
  
  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1
  
  # Wait for pod "busybox1" to be Ready
  kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1
  
  # Wait for the service "loadbalancer" to have ingress
  kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer
  
  # Wait for the secret "busybox1" to be created, with a timeout of 30s
  kubectl create secret generic busybox1
  kubectl wait --for=create secret/busybox1 --timeout=30s
  
  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s`;

export const waitCommand: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: WAIT_LONG,
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    ...FILENAME_FLAGS.filter((f) => f.name !== 'kustomize'),
    OUTPUT_FLAG,
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'for', type: 'string', usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'local', type: 'bool', usage: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'timeout', type: 'string', default: '30s', usage: "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week." },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  ],
  run: runWait,
};
