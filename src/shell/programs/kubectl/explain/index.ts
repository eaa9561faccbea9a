/** The schema document explain reads: every kind's components merged, as GET /openapi/v3 would serve them. */
import type { Schema, SchemaMap } from './schema';
import { APPS_V1 } from './schemas/apps-v1';
import { POD } from './schemas/core-v1-pod';
import { PVC } from './schemas/core-v1-pvc';
import { SERVICE } from './schemas/core-v1-service';
import { META_V1 } from './schemas/meta-v1';

export const COMPONENTS: SchemaMap = { ...APPS_V1, ...POD, ...PVC, ...SERVICE, ...META_V1 };

/** resolveRef: `#/components/schemas/<name>` → the schema, undefined when the lab has no data for it. */
export function resolveRef(ref: string | undefined): Schema | undefined {
  if (!ref || !ref.startsWith('#/components/schemas/')) return undefined;
  return COMPONENTS[ref.slice('#/components/schemas/'.length)];
}

/** The top-level schema of a kind (matched by x-kubernetes-group-version-kind). */
export function schemaForKind(group: string, version: string, kind: string): Schema | undefined {
  return Object.values(COMPONENTS).find((s) => s['x-kubernetes-group-version-kind']?.some((g) => g.group === group && g.version === version && g.kind === kind));
}
