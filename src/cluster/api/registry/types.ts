/** A per-kind strategy, like the API server's rest.RESTCreateStrategy / RESTUpdateStrategy. */
import type { SeededRandom } from '../../random';
import type { StatusCause } from '../errors';
import type { KubeObject } from '../types';
import type { NameRule } from './field-errors';

export interface RegistryContext {
  /** RFC 3339 now. */
  now: string;
  random: SeededRandom;
  /** Name of the StorageClass annotated as default, if any. */
  defaultStorageClass(): string | undefined;
  /** A free ClusterIP from the service range. */
  allocateClusterIP(): string;
  clusterIPInUse(ip: string): boolean;
}

export type Obj = Record<string, any>;

export interface Strategy {
  kind: string;
  nameRule: NameRule;
  /** metadata.generation is kept and bumped on spec changes. */
  hasGeneration?: boolean;
  /** Has a status subresource: create/update/patch keep the stored status. */
  hasStatus?: boolean;
  /** Clears what a user may not set on create (status) before defaulting. */
  prepareForCreate?(obj: Obj, ctx: RegistryContext): void;
  defaults?(obj: Obj, ctx: RegistryContext): void;
  /** Defaults for an update (e.g. keep allocated fields the user omitted). */
  defaultsOnUpdate?(obj: Obj, old: Obj, ctx: RegistryContext): void;
  validate?(obj: Obj, ctx: RegistryContext): StatusCause[];
  validateUpdate?(obj: Obj, old: Obj, ctx: RegistryContext): StatusCause[];
  /** Extra field-selector labels beyond metadata.name / metadata.namespace. */
  fieldLabels?: Record<string, (obj: Obj) => string | undefined>;
}

export type { KubeObject };
