/** Small pure helpers of the pod worker. */
import type { Obj } from '../controllers/runtime/resources';
import type { PodView } from './pod-status';

export function claimNames(spec: Obj): string[] {
  return (spec?.volumes ?? []).filter((v: Obj) => v.persistentVolumeClaim?.claimName).map((v: Obj) => v.persistentVolumeClaim.claimName as string);
}

export function structuredCloneView(v: PodView): PodView {
  return JSON.parse(JSON.stringify(v)) as PodView;
}
