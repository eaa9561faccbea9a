/**
 * One pod's configMap and secret volumes as the kubelet's volume manager drives
 * them: SetUp before the sandbox starts (each failure a FailedMount event, then
 * a retry after the operation backoff), and once the containers run, a periodic
 * pod sync that sets the volumes up again so ConfigMap/Secret updates reach the
 * mounted files.
 */
import type { ClusterClient } from '../client/types';
import type { KubeObject } from '../api/types';
import type { EventType } from '../api/events';
import type { ContainerRuntime } from '../containers/runtime';
import { failedMountMessage, mountFailures, mountRetryMs, POD_SYNC_MS, projectedVolumes } from './volume-setup';

export interface PodVolumesHost {
  client: ClusterClient;
  runtime?: ContainerRuntime;
  pod(): KubeObject;
  /** A timer the pod worker owns (cleared when it stops or terminates). */
  after(ms: number, fn: () => void | Promise<void>): void;
  event(type: EventType, reason: string, message: string): void;
}

export class PodVolumes {
  private failures = 0;
  private syncing = false;

  constructor(private readonly host: PodVolumesHost) {}

  /** Whether the pod has anything for this to do (other volume types mount at once). */
  get projected(): boolean {
    return projectedVolumes(this.host.pod().spec).length > 0;
  }

  /** One SetUp attempt: true when every volume mounted; otherwise FailedMount events and `retry` runs after the backoff. */
  async setUp(retry: () => void | Promise<void>): Promise<boolean> {
    const failures = await mountFailures(this.host.client, this.host.pod());
    if (!failures.length) {
      this.failures = 0;
      return true;
    }
    for (const f of failures) this.host.event('Warning', 'FailedMount', failedMountMessage(f));
    this.host.after(mountRetryMs(this.failures++), retry);
    return false;
  }

  /** Starts the periodic pod sync (once), when the pod has configMap or secret volumes. */
  startSync(): void {
    if (this.syncing || !this.projected) return;
    this.syncing = true;
    this.host.after(POD_SYNC_MS, () => this.sync());
  }

  private async sync(): Promise<void> {
    const pod = this.host.pod();
    // A finished pod is not synced any more (its volumes are torn down).
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const failures = await mountFailures(this.host.client, pod);
    for (const f of failures) this.host.event('Warning', 'FailedMount', failedMountMessage(f));
    this.host.runtime?.refreshVolumes(pod);
    this.host.after(POD_SYNC_MS, () => this.sync());
  }
}
