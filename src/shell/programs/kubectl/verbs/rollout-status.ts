/** kubectl rollout status (pkg/cmd/rollout/rollout_status.go): print a line per change of the object until done. */
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import type { Json } from '../printers/types';
import { durationFlag } from '../rollout/duration';
import { statusViewerFor } from '../rollout/status';
import { watchObjectUntil } from './watch-object';
import { fetchTargets, requireResources, SELECTOR_FLAG, TARGET_FILENAME_FLAGS, type Target } from '../rollout/targets';

/** Evaluates the object's current state, then every change, until done (the object going away is an error). */
async function watchUntilDone(inv: Invocation, t: Target, evaluate: (obj: Json) => boolean, timeoutMs: number): Promise<void> {
  const target = { info: t.info, namespace: t.obj.metadata.namespace, name: t.obj.metadata.name ?? '' };
  const done = await watchObjectUntil(inv, target, t.obj, timeoutMs, (ev) => {
    if (ev.type === 'DELETED') throw new KubectlError('object has been deleted');
    return evaluate(ev.object);
  });
  if (!done) throw new KubectlError('timed out waiting for the condition');
}

async function runStatus(inv: Invocation, flags: Flags): Promise<number> {
  const timeoutMs = durationFlag(flags, 'timeout', inv.commandPath);
  requireResources(inv, flags, flags.args);
  const revision = flags.int('revision');
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  const { targets, errors } = await fetchTargets(inv, flags, flags.args, true);
  if (errors.length) throw new AggregateError(errors);
  const watch = flags.bool('watch');
  for (const t of targets) {
    const viewer = statusViewerFor(t.info.group, t.info.kind);
    if (!viewer) throw new KubectlError(`no status viewer has been implemented for ${t.info.kind}`);
    await watchUntilDone(
      inv,
      t,
      (obj) => {
        const status = viewer(obj, revision);
        if (status.error) throw new KubectlError(status.error);
        inv.out(status.message);
        return status.done || !watch;
      },
      timeoutMs,
    );
  }
  if (targets.length === 0) inv.err(`No resources found in ${inv.namespace} namespace.\n`);
  return 0;
}

export const rolloutStatusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.

Examples:
  # Watch the rollout status of a deployment
  kubectl rollout status deployment/nginx`,
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    ...TARGET_FILENAME_FLAGS,
    SELECTOR_FLAG,
    { name: 'watch', short: 'w', type: 'bool', default: true, usage: "Watch the status of the rollout until it's done." },
    { name: 'revision', type: 'int', default: 0, usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  run: runStatus,
};
