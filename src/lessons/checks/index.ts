/** The registry of check kinds: one file per kind, looked up by the `kind` field of a check. */
import type { Check, CheckKind } from './types';
import { resourceExists, resourceGone } from './resource-exists';
import { jsonPath } from './json-path';
import { podsInOrder } from './pods-in-order';
import { pvcBound } from './pvc-bound';
import { fileContains } from './file-contains';
import { dnsResolves } from './dns-resolves';
import { commandRan, outputContained } from './command-ran';

export const CHECK_KINDS: Record<Check['kind'], CheckKind> = {
  resourceExists: resourceExists as CheckKind,
  resourceGone: resourceGone as CheckKind,
  jsonPath: jsonPath as CheckKind,
  podsInOrder: podsInOrder as CheckKind,
  pvcBound: pvcBound as CheckKind,
  fileContains: fileContains as CheckKind,
  dnsResolves: dnsResolves as CheckKind,
  commandRan: commandRan as CheckKind,
  outputContained: outputContained as CheckKind,
};

export function checkKind(check: Check): CheckKind {
  return CHECK_KINDS[check.kind];
}

export type * from './types';
