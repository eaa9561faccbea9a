/**
 * A simulated external provisioner (any provisioner name except
 * `kubernetes.io/no-provisioner`): for a claim the PV controller handed to it
 * (annotation volume.kubernetes.io/storage-provisioner), records Provisioning,
 * creates `pvc-<claim uid>` pre-bound to the claim, records
 * ProvisioningSucceeded. Deletes released volumes whose reclaim policy is Delete.
 */
import type { Clock } from '../../clock';
import type { ClusterClient } from '../../client/types';
import { recordEvent, type EventSource } from '../../api/events';
import type { KubeObject } from '../../api/types';
import type { SeededRandom } from '../../random';
import { PVS, ignoreNotFound, type Obj } from '../runtime/resources';
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, claimRefFor } from './claim-matching';

/** Simulated time a provisioner takes to create a volume. */
export const PROVISION_MS = 800;
const LOCAL_PATH = 'rancher.io/local-path';

export class Provisioner {
  private sources = new Map<string, EventSource>();
  private inFlight = new Set<string>();

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
    private readonly random: SeededRandom,
  ) {}

  private source(provisioner: string): EventSource {
    let s = this.sources.get(provisioner);
    if (!s) {
      const pod = provisioner === LOCAL_PATH ? `local-path-provisioner-7dc846544d-${this.random.string(5)}` : `${provisioner.replace(/[^a-z0-9-]/g, '-')}-${this.random.string(5)}`;
      s = { component: `${provisioner}_${pod}_${this.random.uid()}` };
      this.sources.set(provisioner, s);
    }
    return s;
  }

  /** Provisions a volume for the claim; resolves once the PV exists. */
  provision(pvc: KubeObject, storageClass: KubeObject): void {
    const uid = pvc.metadata.uid!;
    if (this.inFlight.has(uid)) return;
    this.inFlight.add(uid);
    const provisioner = String((storageClass as Obj).provisioner);
    const source = this.source(provisioner);
    const ns = pvc.metadata.namespace!;
    void recordEvent(this.client, this.clock, pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${pvc.metadata.name}"`, source);
    this.clock.setTimer(PROVISION_MS, () => {
      void this.create(pvc, storageClass, provisioner, source).finally(() => this.inFlight.delete(uid));
    });
  }

  private async create(pvc: KubeObject, storageClass: KubeObject, provisioner: string, source: EventSource): Promise<void> {
    const name = `pvc-${pvc.metadata.uid}`;
    const spec = pvc.spec as Obj;
    const node = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    const annotations: Record<string, string> = { [ANN_PROVISIONED_BY]: provisioner };
    const pvSpec: Obj = {
      accessModes: spec.accessModes,
      capacity: { storage: spec.resources?.requests?.storage },
      claimRef: claimRefFor(pvc),
      persistentVolumeReclaimPolicy: (storageClass as Obj).reclaimPolicy ?? 'Delete',
      storageClassName: storageClass.metadata.name,
      volumeMode: spec.volumeMode ?? 'Filesystem',
    };
    if (provisioner === LOCAL_PATH) {
      pvSpec.hostPath = { path: `/var/local-path-provisioner/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' };
      if (node) {
        annotations['local.path.provisioner/selected-node'] = node;
        pvSpec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } };
      }
    } else {
      pvSpec.csi = { driver: provisioner, fsType: 'ext4', volumeHandle: this.random.uid() };
    }
    if ((storageClass as Obj).mountOptions) pvSpec.mountOptions = (storageClass as Obj).mountOptions;
    try {
      await this.client.create(PVS, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, annotations }, spec: pvSpec });
    } catch (e) {
      await recordEvent(this.client, this.clock, pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${storageClass.metadata.name}": ${(e as Error).message}`, source);
      return;
    }
    await recordEvent(this.client, this.clock, pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`, source);
  }

  /** Deletes a released volume this provisioner made (reclaim policy Delete). */
  async deleteVolume(pv: KubeObject): Promise<void> {
    await ignoreNotFound(this.client.delete(PVS, undefined, pv.metadata.name!));
  }
}
