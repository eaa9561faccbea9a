/** Deletes a volume's files once its PersistentVolume object is gone (the Delete reclaim policy's last step). */
import type { ClusterClient } from '../client/types';
import { PVS } from '../controllers/runtime/resources';
import type { VolumeBackend } from './volume-backend';

export class VolumeReclaimer {
  private stopWatch: (() => void) | undefined;

  constructor(
    private readonly client: ClusterClient,
    private readonly volumes: VolumeBackend,
  ) {}

  start(): void {
    this.stopWatch = this.client.watch(PVS, { resourceVersion: '0' }, (e) => {
      if (e.type === 'DELETED') this.volumes.remove(e.object.metadata.name!);
    });
  }

  stop(): void {
    this.stopWatch?.();
  }
}
