/**
 * Records core/v1 Events the way client-go's recorder does: name
 * `<object>.<hex unix nanos>`, and a repeat of the same (object, type, reason,
 * message, source) bumps count and lastTimestamp instead of creating a new one.
 */
import type { Clock } from '../clock';
import { toRFC3339 } from '../clock';
import type { ClusterClient } from '../client/types';
import { isApiError } from './errors';
import type { KubeObject, ResourceType } from './types';

export const EVENTS: ResourceType = { group: '', version: 'v1', resource: 'events' };

export interface EventSource {
  /** e.g. 'statefulset-controller', 'kubelet', 'default-scheduler'. */
  component: string;
  /** The node, for kubelet events. */
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

interface Recorded {
  namespace: string;
  name: string;
}

const aggregation = new WeakMap<ClusterClient, Map<string, Recorded>>();
const lastNanos = new WeakMap<ClusterClient, bigint>();

function uniqueNanos(client: ClusterClient, ms: number): bigint {
  let n = BigInt(Math.floor(ms)) * 1000000n;
  const last = lastNanos.get(client);
  if (last !== undefined && n <= last) n = last + 1n;
  lastNanos.set(client, n);
  return n;
}

/** Creates or aggregates an Event about `involved`; returns the stored Event. Failures are swallowed like the recorder's. */
export async function recordEvent(
  client: ClusterClient,
  clock: Clock,
  involved: KubeObject,
  type: EventType,
  reason: string,
  message: string,
  source: EventSource,
  fieldPath?: string,
): Promise<KubeObject | undefined> {
  const namespace = involved.metadata.namespace || 'default';
  const now = toRFC3339(clock.now());
  const key = [involved.metadata.uid, involved.kind, namespace, involved.metadata.name, fieldPath ?? '', type, reason, message, source.component, source.host ?? ''].join('\u0000');
  let seen = aggregation.get(client);
  if (!seen) aggregation.set(client, (seen = new Map()));
  const prior = seen.get(key);
  try {
    if (prior) {
      try {
        const ev = await client.get(EVENTS, prior.namespace, prior.name);
        ev.count = ((ev.count as number | undefined) ?? 1) + 1;
        ev.lastTimestamp = now;
        return await client.update(EVENTS, ev);
      } catch (e) {
        if (!isApiError(e) || e.reason !== 'NotFound') throw e;
      }
    }
    const name = `${involved.metadata.name}.${uniqueNanos(client, clock.now()).toString(16)}`;
    const involvedObject: Record<string, unknown> = {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      resourceVersion: involved.metadata.resourceVersion,
      uid: involved.metadata.uid,
    };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    if (!involved.metadata.namespace) delete involvedObject.namespace;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const created = await client.create(EVENTS, event);
    seen.set(key, { namespace, name });
    return created;
  } catch {
    return undefined;
  }
}
