/**
 * Plays a container's scripted steps (images/script-plan.ts) on its file
 * system and log at their moments: what `touch /tmp/healthy; sleep 30; rm -f
 * /tmp/healthy` does to the files an exec probe reads. Steps at 0ms happen as
 * the container starts; later ones only while the same container still runs.
 */
import type { ProcessStep } from '../images/process';
import type { ContainerInstance } from '../containers/runtime';
import { parentPath } from '../storage/path';

function apply(step: ProcessStep, c: ContainerInstance): void {
  const fs = c.fs;
  try {
    switch (step.op) {
      case 'touch':
        if (!fs.exists(step.path) && fs.exists(parentPath(step.path))) fs.writeFile(step.path, '');
        break;
      case 'rm':
        if (fs.exists(step.path)) fs.rm(step.path, { recursive: true });
        break;
      case 'mkdir':
        fs.mkdir(step.path, { recursive: true });
        break;
      case 'write':
        fs.writeFile(step.path, step.data ?? '');
        break;
      case 'append':
        fs.appendFile(step.path, step.data ?? '');
        break;
      case 'log':
        c.log(step.path);
        break;
    }
  } catch {
    /* the command failed in the container (read-only, missing directory): the script goes on */
  }
}

export function runSteps(steps: ProcessStep[], instance: ContainerInstance, after: (ms: number, fn: () => void) => void, current: () => boolean): void {
  for (const step of steps) {
    if (step.atMs === 0) apply(step, instance);
    else after(step.atMs, () => {
      if (current()) apply(step, instance);
    });
  }
}
