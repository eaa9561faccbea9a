/** Pure rules of the PV controller: which volume fits a claim, and the binding annotations. */
import type { KubeObject } from '../../api/types';
import { labelSelectorMatcher } from '../../api/selectors';
import { parseQuantity, type Obj } from '../runtime/resources';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export const claimClass = (pvc: KubeObject): string => (pvc.spec as Obj)?.storageClassName ?? '';
export const volumeClass = (pv: KubeObject): string => (pv.spec as Obj)?.storageClassName ?? '';

export function isClaimBound(pvc: KubeObject): boolean {
  return !!(pvc.spec as Obj)?.volumeName && (pvc.status as Obj)?.phase === 'Bound';
}

/** Whether `pv`'s claimRef points at `pvc` (by uid when the ref has one). */
export function claimRefMatches(pv: KubeObject, pvc: KubeObject): boolean {
  const ref = (pv.spec as Obj)?.claimRef;
  if (!ref || ref.name !== pvc.metadata.name || (ref.namespace ?? 'default') !== pvc.metadata.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** findBestMatchForClaim: the smallest Available volume that satisfies the claim. */
export function findBestMatch(pvc: KubeObject, volumes: KubeObject[]): KubeObject | undefined {
  const spec = (pvc.spec ?? {}) as Obj;
  const want = parseQuantity(spec.resources?.requests?.storage);
  const modes: string[] = spec.accessModes ?? [];
  const selector = spec.selector ? labelSelectorMatcher(spec.selector) : () => true;
  const fits = volumes.filter((pv) => {
    const v = (pv.spec ?? {}) as Obj;
    if (pv.metadata.deletionTimestamp) return false;
    if (v.claimRef && !claimRefMatches(pv, pvc)) return false;
    if ((pv.status as Obj)?.phase === 'Released' || (pv.status as Obj)?.phase === 'Failed') return false;
    if (volumeClass(pv) !== claimClass(pvc)) return false;
    if ((v.volumeMode ?? 'Filesystem') !== (spec.volumeMode ?? 'Filesystem')) return false;
    if (!modes.every((m) => (v.accessModes ?? []).includes(m))) return false;
    if (parseQuantity(v.capacity?.storage) < want) return false;
    return selector(pv.metadata.labels);
  });
  // A volume pre-bound to this claim wins; otherwise the smallest fit.
  const prebound = fits.find((pv) => claimRefMatches(pv, pvc));
  if (prebound) return prebound;
  return fits.sort((a, b) => parseQuantity((a.spec as Obj).capacity?.storage) - parseQuantity((b.spec as Obj).capacity?.storage))[0];
}

export function claimRefFor(pvc: KubeObject): Obj {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
}
