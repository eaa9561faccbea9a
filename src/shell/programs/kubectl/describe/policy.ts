/** describePodDisruptionBudgetV1 (describe.go). */
import { formatLabelSelector } from '../printers/format';
import type { Json } from '../printers/types';
import { describeEvents, str } from './common';
import { LEVEL_0, LEVEL_2, tabbedString } from './prefix-writer';

const present = (v: unknown) => v !== undefined && v !== null;

export function describePodDisruptionBudget(pdb: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = pdb.spec ?? {};
    const status = pdb.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(pdb.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(pdb.metadata?.namespace)}\n`);
    if (present(spec.minAvailable)) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
    else if (present(spec.maxUnavailable)) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
    w.write(LEVEL_0, `Selector:\t${present(spec.selector) ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`);
    describeEvents(events, w, now);
  });
}
