/**
 * persistentvolume-controller: binds claims to volumes (static or provisioned),
 * hands claims to provisioners (Immediate at once, WaitForFirstConsumer once
 * the scheduler picked a node), marks volumes Available / Bound / Released,
 * reclaims released volumes, and runs the pvc- and pv-protection finalizers.
 */
import type { Clock } from '../../clock';
import { toRFC3339 } from '../../clock';
import type { ClusterClient } from '../../client/types';
import { recordEvent } from '../../api/events';
import type { KubeObject } from '../../api/types';
import { PVC_PROTECTION, PV_PROTECTION } from '../../api/registry/storage';
import type { SeededRandom } from '../../random';
import { WorkQueue } from '../runtime/work-queue';
import { PODS, PVCS, PVS, STORAGE_CLASSES, ignoreNotFound, keyOf, podClaimNames, splitKey, type Obj } from '../runtime/resources';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, NO_PROVISIONER,
  claimClass, claimRefFor, claimRefMatches, findBestMatch, isClaimBound,
} from './claim-matching';
import { Provisioner } from './provisioner';

const SOURCE = { component: 'persistentvolume-controller' };
/** The controller's periodic resync of pending claims. */
const RESYNC_MS = 15_000;

export class PersistentVolumeController {
  private readonly queue: WorkQueue;
  private readonly provisioner: Provisioner;
  private stops: Array<() => void> = [];

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
    random: SeededRandom,
  ) {
    this.queue = new WorkQueue(clock, (key) => (key.startsWith('claim:') ? this.syncClaim(key.slice(6)) : this.syncVolume(key.slice(7))));
    this.provisioner = new Provisioner(client, clock, random);
  }

  start(): void {
    this.stops.push(
      this.client.watch(PVCS, { resourceVersion: '0' }, (e) => {
        this.queue.add(`claim:${keyOf(e.object)}`);
        const volume = (e.object.spec as Obj)?.volumeName;
        if (volume) this.queue.add(`volume:${volume}`);
      }),
      this.client.watch(PVS, { resourceVersion: '0' }, (e) => {
        this.queue.add(`volume:${e.object.metadata.name}`);
        const ref = (e.object.spec as Obj)?.claimRef;
        if (ref) this.queue.add(`claim:${ref.namespace ?? 'default'}/${ref.name}`);
        if (e.type === 'ADDED') this.resyncPendingClaims();
      }),
      this.client.watch(STORAGE_CLASSES, {}, () => this.resyncPendingClaims()),
      this.client.watch(PODS, {}, (e) => {
        // A pod going away may release a claim held by pvc-protection.
        const gone = e.type === 'DELETED' || ['Succeeded', 'Failed'].includes((e.object.status as Obj)?.phase);
        if (gone) for (const claim of podClaimNames(e.object)) this.queue.add(`claim:${e.object.metadata.namespace}/${claim}`);
      }),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  private resyncPendingClaims(): void {
    void this.client.list(PVCS).then((list) => {
      for (const pvc of list.items) if (!isClaimBound(pvc)) this.queue.add(`claim:${keyOf(pvc)}`);
    });
  }

  private async syncClaim(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const pvc = await ignoreNotFound(this.client.get(PVCS, namespace, name));
    if (!pvc) return;
    if (pvc.metadata.deletionTimestamp) return this.releaseClaimProtection(pvc);
    if (isClaimBound(pvc)) return;
    const volumes = (await this.client.list(PVS)).items;
    const volumeName = (pvc.spec as Obj).volumeName;
    const className = claimClass(pvc);
    const storageClass = className ? (await this.client.list(STORAGE_CLASSES)).items.find((c) => c.metadata.name === className) : undefined;
    const waitForConsumer = (storageClass as Obj)?.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[ANN_SELECTED_NODE];

    const match = volumeName ? volumes.find((v) => v.metadata.name === volumeName) : waitForConsumer ? undefined : findBestMatch(pvc, volumes);
    if (match) return this.bind(pvc, match);
    this.queue.addAfter(`claim:${key}`, RESYNC_MS);
    if (volumeName) return;
    if (!className) {
      await this.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return;
    }
    if (!storageClass) {
      await this.event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    if (waitForConsumer) {
      await this.event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return;
    }
    const provisioner = String((storageClass as Obj).provisioner);
    if (provisioner === NO_PROVISIONER) {
      await this.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return;
    }
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== provisioner) {
      await this.client.patch(PVCS, namespace, name, 'merge', { metadata: { annotations: { [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner } } });
    }
    await this.event(
      pvc,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
    if (!volumes.some((v) => v.metadata.name === `pvc-${pvc.metadata.uid}`)) this.provisioner.provision(await this.client.get(PVCS, namespace, name), storageClass);
  }

  private async bind(pvc: KubeObject, pv: KubeObject): Promise<void> {
    const now = toRFC3339(this.clock.now());
    const pvSpec = pv.spec as Obj;
    if (!pvSpec.claimRef || !pvSpec.claimRef.uid) {
      const annotations = { ...(pv.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      pv = await this.client.update(PVS, { ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...pvSpec, claimRef: claimRefFor(pvc) } });
    }
    if ((pv.status as Obj)?.phase !== 'Bound') await this.client.updateStatus(PVS, { ...pv, status: { lastPhaseTransitionTime: now, phase: 'Bound' } });
    const fresh = await this.client.get(PVCS, pvc.metadata.namespace, pvc.metadata.name!);
    const annotations = { ...(fresh.metadata.annotations ?? {}), [ANN_BIND_COMPLETED]: 'yes', [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    const bound = await this.client.update(PVCS, { ...fresh, metadata: { ...fresh.metadata, annotations }, spec: { ...(fresh.spec as Obj), volumeName: pv.metadata.name } });
    const spec = pv.spec as Obj;
    await this.client.updateStatus(PVCS, { ...bound, status: { accessModes: spec.accessModes, capacity: spec.capacity, phase: 'Bound' } });
  }

  private async syncVolume(name: string): Promise<void> {
    const pv = await ignoreNotFound(this.client.get(PVS, undefined, name));
    if (!pv) return;
    const spec = pv.spec as Obj;
    const phase = (pv.status as Obj)?.phase;
    const now = toRFC3339(this.clock.now());
    const setPhase = (p: string) => this.client.updateStatus(PVS, { ...pv, status: { lastPhaseTransitionTime: now, phase: p } });
    if (pv.metadata.deletionTimestamp) {
      if (phase !== 'Bound') await this.dropFinalizer(PVS, pv, PV_PROTECTION);
      return;
    }
    if (!spec.claimRef) {
      if (phase !== 'Available') await setPhase('Available');
      return;
    }
    const ref = spec.claimRef;
    const pvc = await ignoreNotFound(this.client.get(PVCS, ref.namespace ?? 'default', ref.name));
    if (pvc && claimRefMatches(pv, pvc)) return;
    if (!ref.uid) {
      if (phase !== 'Available') await setPhase('Available');
      return;
    }
    // The claim is gone: the volume is released and reclaimed by its policy.
    if (phase !== 'Released') await setPhase('Released');
    if (spec.persistentVolumeReclaimPolicy === 'Delete') await this.provisioner.deleteVolume(pv);
  }

  private async releaseClaimProtection(pvc: KubeObject): Promise<void> {
    const pods = (await this.client.list(PODS, { namespace: pvc.metadata.namespace })).items;
    const inUse = pods.some((p) => !['Succeeded', 'Failed'].includes((p.status as Obj)?.phase) && podClaimNames(p).includes(pvc.metadata.name!));
    if (!inUse) await this.dropFinalizer(PVCS, pvc, PVC_PROTECTION);
  }

  private async dropFinalizer(type: typeof PVS, obj: KubeObject, finalizer: string): Promise<void> {
    const finalizers = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    const rest = finalizers.filter((f) => f !== finalizer);
    await ignoreNotFound(this.client.update(type, { ...obj, metadata: { ...obj.metadata, finalizers: rest.length ? rest : undefined } }));
  }

  private event(pvc: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Promise<unknown> {
    return recordEvent(this.client, this.clock, pvc, type, reason, message, SOURCE);
  }
}
