/**
 * A container's log, capped. The kubelet rotates a container's log at
 * containerLogMaxSize (10Mi) and `kubectl logs` only reads the current file;
 * kubelab keeps less, 1 MiB (several thousand nginx access lines, far more than
 * a tutorial makes), because the saved lab rewrites every container's log to
 * browser storage whenever anything changes. The oldest lines go first.
 */
import { utf8Length } from '../storage/utf8';

export const MAX_LOG_BYTES = 1024 * 1024;

export interface LogBuffer {
  lines: string[];
  /** UTF-8 bytes of lines, newlines included. */
  bytes: number;
}

export function newLog(lines: string[] = []): LogBuffer {
  const log: LogBuffer = { lines: [], bytes: 0 };
  appendLog(log, lines);
  return log;
}

export function appendLog(log: LogBuffer, lines: readonly string[], max = MAX_LOG_BYTES): void {
  for (const line of lines) {
    log.lines.push(line);
    log.bytes += utf8Length(line) + 1;
  }
  if (log.bytes <= max) return;
  let drop = 0;
  while (log.bytes > max && drop < log.lines.length) log.bytes -= utf8Length(log.lines[drop++]) + 1;
  log.lines.splice(0, drop);
}
