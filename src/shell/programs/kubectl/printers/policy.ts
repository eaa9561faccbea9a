/** policy/v1 printers (pkg/printers/internalversion: printPodDisruptionBudget). */
import { ageSince } from './age';
import { col, type KindPrinter } from './types';

/** IntOrString.String(): the number or the percent string as written. */
const intOrString = (v: unknown): string => (v === undefined || v === null ? 'N/A' : String(v));

export const podDisruptionBudgetPrinter: KindPrinter = {
  columns: [col('NAME'), col('MIN AVAILABLE'), col('MAX UNAVAILABLE'), col('ALLOWED DISRUPTIONS'), col('AGE')],
  cells: (o, now) => [
    o.metadata.name,
    intOrString(o.spec?.minAvailable),
    intOrString(o.spec?.maxUnavailable),
    String(o.status?.disruptionsAllowed ?? 0),
    ageSince(o.metadata.creationTimestamp, now),
  ],
};
