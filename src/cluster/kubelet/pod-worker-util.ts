/** Small pure helpers of the pod worker. */
import type { SeededRandom } from '../random';
import type { Obj } from '../controllers/runtime/resources';
import type { PodView } from './pod-status';

export function claimNames(spec: Obj): string[] {
  return (spec?.volumes ?? []).filter((v: Obj) => v.persistentVolumeClaim?.claimName).map((v: Obj) => v.persistentVolumeClaim.claimName as string);
}

export function hex(random: SeededRandom, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += random.int(16).toString(16);
  return out;
}

export function structuredCloneView(v: PodView): PodView {
  return JSON.parse(JSON.stringify(v)) as PodView;
}
