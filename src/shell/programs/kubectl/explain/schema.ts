/** The subset of OpenAPI v3 that kubectl explain's plaintext template reads. */
export interface Schema {
  description?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  default?: unknown;
  $ref?: string;
  'x-kubernetes-group-version-kind'?: Array<{ group: string; kind: string; version: string }>;
}

export type SchemaMap = Record<string, Schema>;
