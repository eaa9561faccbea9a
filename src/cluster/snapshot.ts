/**
 * A cluster's saved state: every API object as stored (same uids and
 * resourceVersions), the resourceVersion counter, the random generator's
 * position and the simulated time, and what the container runtime keeps in
 * memory (containers' own files, emptyDirs, logs). Controllers and kubelets
 * hold no state worth saving: after a restore they resync from the objects.
 */
import type { ApiServer } from './api/server';
import type { KubeObject } from './api/types';
import type { RuntimeState } from './containers/runtime-state';

export const SNAPSHOT_VERSION = 1;

export interface SavedObject {
  /** The store's resource key (`<resource>[.<group>]`). */
  resource: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  object: KubeObject;
}

export interface ClusterSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Simulated time when saved. */
  savedAt: number;
  resourceVersion: string;
  objects: SavedObject[];
  /** SeededRandom's state. */
  random: number;
  /** Simulated time when saved; a restored lab's clock must not start before it. */
  clockTime: number;
  /** Containers' writable layers, logs and emptyDirs; absent in older snapshots (they restore with fresh containers). */
  runtime?: RuntimeState;
}

export function snapshotOf(server: ApiServer, runtime?: RuntimeState): ClusterSnapshot {
  const now = server.clock.now();
  return {
    version: SNAPSHOT_VERSION,
    savedAt: now,
    resourceVersion: server.store.currentRV(),
    objects: server.store.entries().map((e) => ({ resource: e.resource, namespace: e.namespace, object: JSON.parse(JSON.stringify(e.object)) as KubeObject })),
    random: server.random.getState(),
    clockTime: now,
    ...(runtime ? { runtime } : {}),
  };
}

/** Loads a snapshot into an empty API server; returns the cluster CA (kept in every namespace's kube-root-ca.crt). */
export function restoreInto(server: ApiServer, snapshot: ClusterSnapshot): { caCert: string } {
  for (const { resource, namespace, object } of snapshot.objects) server.store.load(resource, namespace, object);
  server.store.continueFrom(Number(snapshot.resourceVersion) || 0);
  server.random.setState(snapshot.random);
  const rootCA = snapshot.objects.find((o) => o.resource === 'configmaps' && o.object.metadata.name === 'kube-root-ca.crt');
  return { caCert: ((rootCA?.object as { data?: Record<string, string> } | undefined)?.data?.['ca.crt']) ?? '' };
}
