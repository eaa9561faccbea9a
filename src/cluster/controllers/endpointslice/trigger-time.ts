/**
 * TriggerTimeTracker (k8s.io/endpointslice/util): the earliest change since the
 * last sync that this sync reflects — a pod's Ready transition or the Service's
 * creation — for the endpoints.kubernetes.io/last-change-trigger-time annotation.
 */
import type { KubeObject } from '../../api/types';
import { podCondition } from '../runtime/resources';

interface ServiceState {
  podTimes: Map<string, number>;
  serviceTime: number;
}

const timeOf = (t: unknown): number => (typeof t === 'string' ? Date.parse(t) || 0 : 0);

export class TriggerTimeTracker {
  private states = new Map<string, ServiceState>();

  /** The trigger time in ms since the epoch, or 0 when nothing changed. */
  compute(key: string, service: KubeObject, pods: KubeObject[]): number {
    const state = this.states.get(key) ?? { podTimes: new Map<string, number>(), serviceTime: 0 };
    let min = 0;
    const consider = (t: number) => {
      if (t && (!min || t < min)) min = t;
    };
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = timeOf(podCondition(pod, 'Ready')?.lastTransitionTime);
      if (!t) continue;
      podTimes.set(pod.metadata.name!, t);
      if (t > (state.podTimes.get(pod.metadata.name!) ?? 0)) consider(t);
    }
    const serviceTime = timeOf(service.metadata.creationTimestamp);
    if (serviceTime > state.serviceTime) consider(serviceTime);
    this.states.set(key, { podTimes, serviceTime });
    return min;
  }

  forget(key: string): void {
    this.states.delete(key);
  }
}
