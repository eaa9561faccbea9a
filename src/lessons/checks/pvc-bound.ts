import type { CheckKind, PvcBoundCheck } from './types';
import { getObject, isTerminating } from './common';

import type { KubeObject } from '../../cluster/api/types';

function volumeOf(pvc: KubeObject | undefined): string | undefined {
  return (pvc?.spec as { volumeName?: string } | undefined)?.volumeName;
}

/** A PersistentVolumeClaim exists and is Bound; optionally still to the volume it had when the step began. */
export const pvcBound: CheckKind<PvcBoundCheck> = {
  kind: 'pvcBound',
  fields: ['name', 'namespace', 'sameVolume'],
  parse: (f) => ({ name: f.string('name', true), namespace: f.string('namespace'), sameVolume: f.boolean('sameVolume') }),
  watches: () => ['persistentvolumeclaims'],
  async baseline(c, ctx) {
    return volumeOf(await getObject(ctx, 'persistentvolumeclaims', c.name, c.namespace));
  },
  async evaluate(c, ctx, baseline) {
    const pvc = await getObject(ctx, 'persistentvolumeclaims', c.name, c.namespace);
    if (!pvc) return { passed: false, detail: `persistentvolumeclaim ${c.name} does not exist` };
    if (isTerminating(pvc)) return { passed: false, detail: `persistentvolumeclaim ${c.name} is being deleted` };
    const phase = (pvc.status as { phase?: string } | undefined)?.phase ?? 'Pending';
    if (phase !== 'Bound') return { passed: false, detail: `persistentvolumeclaim ${c.name} is ${phase}` };
    const volume = volumeOf(pvc);
    if (c.sameVolume && volume !== baseline) {
      return { passed: false, detail: `persistentvolumeclaim ${c.name} is bound to ${volume}, not ${String(baseline)}` };
    }
    return { passed: true, detail: `persistentvolumeclaim ${c.name} is Bound to ${volume}` };
  },
};
