import type { FieldSchema } from './schema-types';

export const objectMeta: FieldSchema = {
  name: 1, generateName: 1, namespace: 1, selfLink: 1, uid: 1, resourceVersion: 1, generation: 1,
  creationTimestamp: 1, deletionTimestamp: 1, deletionGracePeriodSeconds: 1, labels: 'map', annotations: 'map',
  ownerReferences: [{ apiVersion: 1, kind: 1, name: 1, uid: 1, controller: 1, blockOwnerDeletion: 1 }],
  finalizers: 1, managedFields: 1,
};

export const labelSelector: FieldSchema = {
  matchLabels: 'map',
  matchExpressions: [{ key: 1, operator: 1, values: 1 }],
};

/** The root of every object: apiVersion, kind, metadata plus the kind's own fields. */
export function root(fields: FieldSchema): FieldSchema {
  return { apiVersion: 1, kind: 1, metadata: objectMeta, ...fields };
}
