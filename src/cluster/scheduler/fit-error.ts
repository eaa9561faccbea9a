/** FailedScheduling messages, as framework.FitError.Error() and the preemption post-filter word them. */
import type { NodeFailure } from './filters';

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
}

/** Every node failed a filter: `0/N nodes are available: <histogram>. preemption: 0/N nodes are available: <histogram>.` */
export function fitErrorMessage(totalNodes: number, failures: NodeFailure[]): string {
  const reasons = failures.flatMap((f) => f.reasons);
  const preemption = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  return `0/${totalNodes} nodes are available: ${histogram(reasons)}. preemption: 0/${totalNodes} nodes are available: ${histogram(preemption)}.`;
}

/** A PreFilter rejected the pod outright: its message stands alone, and preemption cannot help anywhere. */
export function preFilterMessage(totalNodes: number, message: string): string {
  return `0/${totalNodes} nodes are available: ${message}. preemption: 0/${totalNodes} nodes are available: ${totalNodes} Preemption is not helpful for scheduling.`;
}
