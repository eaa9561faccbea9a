/**
 * pkg/drain's DeleteOrEvictPods: every pod evicted at once (a 429 from a
 * disruption budget is retried every 5 s), or deleted with --disable-eviction;
 * then polled once a second until gone, all under one --timeout deadline.
 */
import { isApiError } from '../../../../cluster/api/errors';
import type { DeleteOptions } from '../../../../cluster/client/types';
import type { KubeObject } from '../../../../cluster/api/types';
import { goDuration } from '../../../../cluster/kubelet/go-duration';
import type { Invocation } from '../context';
import { PODS } from '../verbs/pod-target';
import { shouldSkipPod } from './pods';

const RETRY_MS = 5000;
const POLL_MS = 1000;

export interface EvictOptions {
  gracePeriodSeconds: number;
  /** 0 = no limit. */
  timeoutMs: number;
  disableEviction: boolean;
  serverDryRun: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
}

class DeadlineExceeded extends Error {
  constructor() {
    super('context deadline exceeded');
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const q = (s: string | undefined) => JSON.stringify(s ?? '');

function deleteOptions(o: EvictOptions): DeleteOptions {
  const opts: DeleteOptions = {};
  if (o.gracePeriodSeconds >= 0) opts.gracePeriodSeconds = o.gracePeriodSeconds;
  if (o.serverDryRun) opts.dryRun = true;
  return opts;
}

export class PodRemover {
  private readonly deadline: number;

  constructor(
    private readonly inv: Invocation,
    private readonly o: EvictOptions,
  ) {
    this.deadline = o.timeoutMs > 0 ? inv.now() + o.timeoutMs : Infinity;
  }

  /** DeleteOrEvictPods: resolves with the errors, empty when every pod went. */
  async run(pods: KubeObject[]): Promise<string[]> {
    if (pods.length === 0) return [];
    if (!this.o.disableEviction) {
      const results = await Promise.all(pods.map((p) => this.evictOne(p)));
      return results.filter((r): r is string => r !== undefined);
    }
    return this.deleteAll(pods);
  }

  private async evictOne(pod: KubeObject): Promise<string | undefined> {
    const { inv } = this;
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    for (;;) {
      inv.out(`evicting pod ${ns}/${name}${this.o.serverDryRun ? ' (server dry run)' : ''}\n`);
      if (inv.now() >= this.deadline) return `error when evicting pods/${q(name)} -n ${q(ns)}: global timeout reached: ${goDuration(this.o.timeoutMs)}`;
      try {
        await inv.client.evict(ns, name, deleteOptions(this.o));
        break;
      } catch (e) {
        if (isApiError(e) && e.reason === 'NotFound') return undefined;
        if (isApiError(e) && e.code === 429) {
          inv.err(`error when evicting pods/${q(name)} -n ${q(ns)} (will retry after 5s): ${e.message}\n`);
          await inv.io.sleep(RETRY_MS);
          continue;
        }
        return `error when evicting pods/${q(name)} -n ${q(ns)}: ${messageOf(e)}`;
      }
    }
    if (this.o.serverDryRun) return undefined;
    try {
      await this.waitForDelete([pod], 'evicted');
      return undefined;
    } catch (e) {
      return `error when waiting for pod ${q(name)} in namespace ${q(ns)} to terminate: ${messageOf(e)}`;
    }
  }

  private async deleteAll(pods: KubeObject[]): Promise<string[]> {
    for (const pod of pods) {
      try {
        await this.inv.client.delete(PODS, pod.metadata.namespace, pod.metadata.name!, deleteOptions(this.o));
      } catch (e) {
        if (!(isApiError(e) && e.reason === 'NotFound')) return [messageOf(e)];
      }
    }
    if (this.o.serverDryRun) return [];
    try {
      await this.waitForDelete(pods, 'deleted');
      return [];
    } catch (e) {
      return [messageOf(e)];
    }
  }

  /** waitForDelete: gone (or replaced by a new uid) pods are reported as they go. */
  private async waitForDelete(pods: KubeObject[], verb: string): Promise<void> {
    const { inv } = this;
    let pending = pods;
    for (;;) {
      const still: KubeObject[] = [];
      for (const pod of pending) {
        let current: KubeObject | undefined;
        try {
          current = await inv.client.get(PODS, pod.metadata.namespace, pod.metadata.name!);
        } catch (e) {
          if (!(isApiError(e) && e.reason === 'NotFound')) {
            inv.out(`pod/${pod.metadata.name} ${verb === 'evicted' ? 'eviction failed' : 'deletion failed'}\n`);
            throw e;
          }
        }
        if (!current || current.metadata.uid !== pod.metadata.uid) {
          inv.out(`pod/${pod.metadata.name} ${verb}\n`);
          continue;
        }
        if (shouldSkipPod(current, this.o.skipWaitForDeleteTimeoutSeconds, inv.now())) {
          inv.out(`pod ${q(pod.metadata.name)} has DeletionTimestamp older than ${this.o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`);
          continue;
        }
        still.push(pod);
      }
      pending = still;
      if (pending.length === 0) return;
      const left = this.deadline - inv.now();
      if (left <= POLL_MS) {
        if (left > 0) await inv.io.sleep(left);
        throw new DeadlineExceeded();
      }
      await inv.io.sleep(POLL_MS);
    }
  }
}
