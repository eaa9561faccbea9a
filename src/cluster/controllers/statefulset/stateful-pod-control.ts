/**
 * The StatefulSet controller's effects (stateful_pod_control.go): create a pod
 * after its claims, update identity/storage, delete, and keep claim owner
 * references in line with persistentVolumeClaimRetentionPolicy. Events go to
 * the StatefulSet with the controller's own wording.
 */
import type { Clock } from '../../clock';
import type { ClusterClient } from '../../client/types';
import { recordEvent } from '../../api/events';
import type { KubeObject, OwnerReference } from '../../api/types';
import { PODS, PVCS, ignoreNotFound, isReason, type Obj } from '../runtime/resources';
import {
  controllerRefFor, getPersistentVolumeClaims, identityMatches, podInOrdinalRange, storageMatches, updateIdentity, updateStorage,
} from './stateful-set-utils';

const SOURCE = { component: 'statefulset-controller' };
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const capital = (verb: string) => verb[0].toUpperCase() + verb.slice(1);

export class StatefulPodControl {
  constructor(
    private readonly client: ClusterClient,
    private readonly clock: Clock,
  ) {}

  private podEvent(verb: string, set: KubeObject, pod: KubeObject, err?: unknown): Promise<unknown> {
    if (!err) return recordEvent(this.client, this.clock, set, 'Normal', `Successful${capital(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
    return recordEvent(this.client, this.clock, set, 'Warning', `Failed${capital(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errText(err)}`, SOURCE);
  }

  private claimEvent(verb: string, set: KubeObject, pod: KubeObject, claim: KubeObject, err?: unknown): Promise<unknown> {
    if (!err)
      return recordEvent(this.client, this.clock, set, 'Normal', `Successful${capital(verb)}`, `${verb} Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`, SOURCE);
    return recordEvent(
      this.client, this.clock, set, 'Warning', `Failed${capital(verb)}`,
      `${verb} Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errText(err)}`, SOURCE,
    );
  }

  /** Creates the pod's missing claims; throws an aggregate of what failed. */
  async createPersistentVolumeClaims(set: KubeObject, pod: KubeObject): Promise<void> {
    const errors: string[] = [];
    for (const claim of getPersistentVolumeClaims(set, pod).values()) {
      try {
        const existing = await this.client.get(PVCS, claim.metadata.namespace, claim.metadata.name!);
        if (existing.metadata.deletionTimestamp) errors.push(`pvc ${claim.metadata.name} is being deleted`);
      } catch (e) {
        if (!isReason(e, 'NotFound')) {
          errors.push(`failed to retrieve PVC ${claim.metadata.name}: ${errText(e)}`);
          continue;
        }
        try {
          await this.client.create(PVCS, claim);
          await this.claimEvent('create', set, pod, claim);
        } catch (ce) {
          errors.push(`failed to create PVC ${claim.metadata.name}: ${errText(ce)}`);
          if (!isReason(ce, 'AlreadyExists')) await this.claimEvent('create', set, pod, claim, ce);
        }
      }
    }
    if (errors.length === 1) throw new Error(errors[0]);
    if (errors.length) throw new Error(`[${errors.join(', ')}]`);
  }

  async createStatefulPod(set: KubeObject, pod: KubeObject): Promise<void> {
    try {
      await this.createPersistentVolumeClaims(set, pod);
    } catch (e) {
      await this.podEvent('create', set, pod, e);
      throw e;
    }
    try {
      await this.client.create(PODS, pod);
    } catch (e) {
      if (isReason(e, 'AlreadyExists')) throw e;
      await this.podEvent('create', set, pod, e);
      throw e;
    }
    await this.updatePodClaimForRetentionPolicy(set, pod);
    await this.podEvent('create', set, pod);
  }

  async updateStatefulPod(set: KubeObject, pod: KubeObject): Promise<void> {
    let consistent = true;
    if (!identityMatches(set, pod)) {
      updateIdentity(set, pod);
      consistent = false;
    }
    if (!storageMatches(set, pod)) {
      updateStorage(set, pod);
      consistent = false;
      await this.createPersistentVolumeClaims(set, pod);
    }
    if (!(await this.claimsMatchRetentionPolicy(set, pod))) {
      await this.updatePodClaimForRetentionPolicy(set, pod);
      consistent = false;
    }
    if (consistent) return;
    try {
      await this.client.update(PODS, pod);
      await this.podEvent('update', set, pod);
    } catch (e) {
      await this.podEvent('update', set, pod, e);
      throw e;
    }
  }

  async deleteStatefulPod(set: KubeObject, pod: KubeObject): Promise<void> {
    try {
      await this.client.delete(PODS, pod.metadata.namespace, pod.metadata.name!);
      await this.podEvent('delete', set, pod);
    } catch (e) {
      await this.podEvent('delete', set, pod, e);
      throw e;
    }
  }

  // ---- persistentVolumeClaimRetentionPolicy, through claim owner references ----

  /** The owner references a claim of this pod should carry: to the set, to the pod. */
  private wantedOwners(set: KubeObject, pod: KubeObject): { set: boolean; pod: boolean } {
    const policy = (set.spec as Obj).persistentVolumeClaimRetentionPolicy ?? {};
    const scaledDown = !podInOrdinalRange(pod, set);
    return {
      set: policy.whenDeleted === 'Delete' && !(policy.whenScaled === 'Delete' && scaledDown),
      pod: policy.whenScaled === 'Delete' && scaledDown,
    };
  }

  private claimUpToDate(claim: KubeObject, set: KubeObject, pod: KubeObject): boolean {
    const refs = claim.metadata.ownerReferences ?? [];
    const foreign = refs.find((r) => r.controller && r.uid !== set.metadata.uid && r.uid !== pod.metadata.uid);
    if (foreign) return true;
    const stale = refs.some((r) => (r.kind === 'StatefulSet' && r.name === set.metadata.name && r.uid !== set.metadata.uid) || (r.kind === 'Pod' && r.name === pod.metadata.name && r.uid !== pod.metadata.uid));
    if (stale) return false;
    const want = this.wantedOwners(set, pod);
    return want.set === refs.some((r) => r.uid === set.metadata.uid) && want.pod === refs.some((r) => r.uid === pod.metadata.uid);
  }

  async claimsMatchRetentionPolicy(set: KubeObject, pod: KubeObject): Promise<boolean> {
    for (const claim of getPersistentVolumeClaims(set, pod).values()) {
      const existing = await ignoreNotFound(this.client.get(PVCS, set.metadata.namespace, claim.metadata.name!));
      if (existing && !this.claimUpToDate(existing, set, pod)) return false;
    }
    return true;
  }

  async updatePodClaimForRetentionPolicy(set: KubeObject, pod: KubeObject): Promise<void> {
    for (const claim of getPersistentVolumeClaims(set, pod).values()) {
      const existing = await ignoreNotFound(this.client.get(PVCS, set.metadata.namespace, claim.metadata.name!));
      if (!existing || this.claimUpToDate(existing, set, pod)) continue;
      const current = await ignoreNotFound(this.client.get(PODS, pod.metadata.namespace, pod.metadata.name!));
      const want = this.wantedOwners(set, pod);
      const refs: OwnerReference[] = (existing.metadata.ownerReferences ?? []).filter(
        (r) => !(r.kind === 'StatefulSet' && r.name === set.metadata.name) && !(r.kind === 'Pod' && r.name === pod.metadata.name),
      );
      if (want.set) refs.push(controllerRefFor(set));
      if (want.pod && current) refs.push({ apiVersion: 'v1', kind: 'Pod', name: current.metadata.name!, uid: current.metadata.uid!, controller: true, blockOwnerDeletion: true });
      await this.client.update(PVCS, { ...existing, metadata: { ...existing.metadata, ownerReferences: refs.length ? refs : undefined } });
    }
  }

  /** whenScaled: Delete — a claim still owned by an earlier pod of this name must be collected first. */
  async podClaimIsStale(set: KubeObject, pod: KubeObject): Promise<boolean> {
    if ((set.spec as Obj).persistentVolumeClaimRetentionPolicy?.whenScaled !== 'Delete') return false;
    for (const claim of getPersistentVolumeClaims(set, pod).values()) {
      const existing = await ignoreNotFound(this.client.get(PVCS, set.metadata.namespace, claim.metadata.name!));
      if (existing?.metadata.ownerReferences?.some((r) => r.kind === 'Pod' && r.name === pod.metadata.name && r.uid !== pod.metadata.uid)) return true;
    }
    return false;
  }
}
