/** kubectl rollout restart | pause | resume (objectrestarter.go, objectpauser.go, objectresumer.go). */
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import type { Json } from '../printers/types';
import { typeOf } from '../resources/mapping';
import { fetchTargets, requireResources, resourceString, SELECTOR_FLAG, TARGET_FILENAME_FLAGS, targetName, type Target } from '../rollout/targets';

/** RFC 3339 in UTC, seconds precision, as time.Now().Format(time.RFC3339) in a UTC zone. */
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** What a mutation wants to patch, or the error the polymorphic helper gives. */
type Mutation = { patch: Json } | { unchanged: true } | { error: string };

function restartPatch(t: Target, now: number): Mutation {
  if (t.info.group !== 'apps' || !['Deployment', 'DaemonSet', 'StatefulSet'].includes(t.info.kind)) return { error: 'restarting is not supported' };
  if ((t.obj as Json).spec?.paused) return { error: "can't restart paused deployment (run rollout resume first)" };
  const at = rfc3339(now);
  if ((t.obj as Json).spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === at) return { unchanged: true };
  return { patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } } };
}

function pausePatch(t: Target, pause: boolean): Mutation {
  if (t.info.group !== 'apps' || t.info.kind !== 'Deployment') return { error: pause ? 'pausing is not supported' : 'resuming is not supported' };
  const paused = (t.obj as Json).spec?.paused === true;
  if (pause && paused) return { error: 'is already paused' };
  if (!pause && !paused) return { error: 'is not paused' };
  return { patch: pause ? { spec: { paused: true } } : { spec: { paused: null } } };
}

async function runMutation(inv: Invocation, flags: Flags, mutate: (t: Target) => Mutation, done: string, unchanged: (t: Target) => unknown): Promise<number> {
  requireResources(inv, flags, flags.args);
  const { targets, errors } = await fetchTargets(inv, flags, flags.args, true);
  if (targets.length === 0 && errors.length === 0) {
    inv.err(`No resources found in ${inv.namespace} namespace.\n`);
    return 0;
  }
  for (const t of targets) {
    const m = mutate(t);
    if ('error' in m) {
      errors.push(new KubectlError(`error: ${resourceString(t)} ${JSON.stringify(t.obj.metadata.name ?? '')} ${m.error}`));
      continue;
    }
    if ('unchanged' in m) {
      const out = unchanged(t);
      if (out) errors.push(out);
      continue;
    }
    try {
      await inv.client.patch(typeOf(t.info), t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', m.patch);
    } catch (e) {
      errors.push(new KubectlError(`failed to patch: ${e instanceof Error ? e.message : String(e)}`));
      continue;
    }
    inv.out(`${targetName(t)} ${done}\n`);
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

const targetFlags = [...TARGET_FILENAME_FLAGS, SELECTOR_FLAG];

export const rolloutRestartCommand: Command = {
  name: 'restart',
  short: 'Restart a resource',
  long: `Restart a resource.

        Resource rollout will be restarted.

Examples:
  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace
  
  # Restart a deployment
  kubectl rollout restart deployment/nginx
  
  # Restart a daemon set
  kubectl rollout restart daemonset/abc
  
  # Restart deployments with the app=nginx label
  kubectl rollout restart deployment --selector=app=nginx`,
  usage: 'kubectl rollout restart RESOURCE [options]',
  flags: targetFlags,
  run: (inv, flags) =>
    runMutation(inv, flags, (t) => restartPatch(t, inv.now()), 'restarted', (t) =>
      new KubectlError(`failed to create patch for ${t.obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`),
    ),
};

export const rolloutPauseCommand: Command = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.

Examples:
  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kubectl rollout pause deployment/nginx`,
  usage: 'kubectl rollout pause RESOURCE [options]',
  flags: targetFlags,
  run: (inv, flags) => runMutation(inv, flags, (t) => pausePatch(t, true), 'paused', () => undefined),
};

export const rolloutResumeCommand: Command = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.

Examples:
  # Resume an already paused deployment
  kubectl rollout resume deployment/nginx`,
  usage: 'kubectl rollout resume RESOURCE [options]',
  flags: targetFlags,
  run: (inv, flags) => runMutation(inv, flags, (t) => pausePatch(t, false), 'resumed', () => undefined),
};
