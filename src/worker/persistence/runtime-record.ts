/**
 * The containers' in-memory state (writable layers, emptyDirs, logs) as saved
 * with the lab: one record, written after a command when the runtime changed.
 */
import type { RuntimeState } from '../../cluster/containers/runtime-state';

export const RUNTIME_KEY = 'runtime';

export function validRuntime(body: Record<string, unknown>): body is Record<string, unknown> & RuntimeState {
  return Array.isArray(body.containers) && Array.isArray(body.emptyDirs);
}
