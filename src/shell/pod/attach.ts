/**
 * What `kubectl exec` and `kubectl run -it` share once they know the pod:
 * open the container, run the command with or without the terminal, and turn
 * the outcome into kubectl's texts (`command terminated with exit code N`,
 * the runtime's error for a missing executable).
 */
import type { ClusterClient } from '../../cluster/client/types';
import type { ProgramIO } from '../program';
import { StringInput } from '../streams';
import { runInContainer } from './session';

export interface AttachRequest {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  /** -i: the terminal's input goes to the process. */
  stdin: boolean;
  /** -t: the process gets a terminal (an interactive shell shows its prompt). */
  tty: boolean;
  /** exec reports a failing command itself; run reports the pod's termination instead. */
  reportExit?: boolean;
}

/** The error kubectl prints after a failed exec; thrown for the verb to render. */
export class ExecFailure extends Error {}

function execID(seed: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** Resolves with kubectl's exit code; prints `command terminated with exit code N` for a failing command. */
export async function attachToContainer(client: ClusterClient, io: ProgramIO, req: AttachRequest): Promise<number> {
  const session = await client.exec(req.namespace, req.pod, req.container);
  const interactive = req.stdin && req.tty && io.stdin.isTTY;
  const pio: ProgramIO = { ...io, stdin: req.stdin ? io.stdin : new StringInput(''), ctx: { ...io.ctx, tty: interactive ? io.ctx.tty : undefined } };
  const result = await runInContainer(session, req.command, pio, interactive);
  if ('notFound' in result) {
    const id = execID(`${session.pod}/${session.container}/${req.command.join(' ')}/${io.ctx.clock.now()}`);
    throw new ExecFailure(
      `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${result.notFound}": ${result.notFound.includes('/') ? 'stat ' + result.notFound + ': no such file or directory' : 'executable file not found in $PATH'}: unknown`,
    );
  }
  if (req.reportExit !== false && result.status !== 0 && result.status !== 130) {
    io.stderr.write(`command terminated with exit code ${result.status}\n`);
  }
  return result.status;
}
