/** A TCP client's connect from a container: resolve the host, then dial its first address. */
import type { ContainerSockets, PodConnection } from '../../../cluster/client/types';
import type { ProgramIO } from '../../program';
import { resolveHost } from './resolver';

export type DialResult = PodConnection | 'unresolved' | 'timeout' | 'refused';

/** A dropped SYN fails only when Linux gives up retrying (tcp_syn_retries 6: about 130 s), so a timeout waits that long first. */
export async function dialTcp(io: ProgramIO, session: ContainerSockets, host: string, port: number): Promise<DialResult> {
  const resolved = await resolveHost(io, host);
  if (!resolved) return 'unresolved';
  const result = session.connectTcp?.(resolved.addresses[0], port);
  if (!result) return 'refused';
  if (result.ok) return result.connection;
  if (result.error === 'timeout') await io.sleep(130_000);
  return result.error;
}
