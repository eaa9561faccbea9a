/**
 * Prepares a lab for a lesson: the lesson's extra objects through the API,
 * then its setup commands typed in a terminal, then waits for its waitFor
 * checks. Files are placed by the caller when it creates the workstation.
 */
import type { ClusterClient } from '../cluster/client/types';
import { ApiError } from '../cluster/api/errors';
import { checkKind } from './checks/index';
import { clusterCapabilities } from './checks/cluster-capabilities';
import type { CheckCapabilities } from './checks/types';
import { resolveResource } from './resource-types';
import type { Lesson } from './schema';

export interface SetupHost {
  client: ClusterClient;
  /** Types a command line in a terminal the learner does not see; resolves when its prompt returns. */
  run(line: string): Promise<{ output: string; exitCode: number }>;
  /** Lets (simulated or real) time pass until `done()` holds or `timeoutMs` ran out; resolves with done()'s last value. */
  waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean>;
  namespace?: () => string;
  capabilities?: CheckCapabilities;
}

export const SETUP_TIMEOUT_MS = 300_000;

export async function runLessonSetup(lesson: Lesson, host: SetupHost): Promise<void> {
  const namespace = host.namespace ?? (() => 'default');
  for (const object of lesson.setup.objects) {
    const { type, namespaced } = resolveResource(host.client, object.kind);
    const body = namespaced ? { ...object, metadata: { ...object.metadata, namespace: object.metadata.namespace ?? namespace() } } : object;
    try {
      await host.client.create(type, body);
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === 'AlreadyExists')) throw new Error(`lesson ${lesson.id} setup: ${(e as Error).message}`);
    }
  }
  for (const line of lesson.setup.commands) {
    const { output, exitCode } = await host.run(line);
    if (exitCode !== 0) throw new Error(`lesson ${lesson.id} setup: "${line}" exited ${exitCode}: ${output.trim()}`);
  }
  if (!lesson.setup.waitFor.length) return;
  const ctx = { client: host.client, namespace, commands: () => [], ...(host.capabilities ?? clusterCapabilities(host.client)) };
  const ready = async () => {
    for (const check of lesson.setup.waitFor) {
      const result = await checkKind(check).evaluate(check, ctx, undefined).catch(() => ({ passed: false }));
      if (!result.passed) return false;
    }
    return true;
  };
  if (!(await host.waitUntil(ready, SETUP_TIMEOUT_MS))) throw new Error(`lesson ${lesson.id} setup: waitFor did not pass`);
}
