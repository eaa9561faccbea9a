/** ClusterIP allocation from the kubeadm default service range 10.96.0.0/12. */
import type { SeededRandom } from '../random';
import type { Store } from './store';

const BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const SIZE = 1 << 20;
/** Dynamic allocation prefers the upper band; the lowest addresses are kept for static IPs. */
const STATIC_BAND = 256;

function toIP(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function clusterIPInUse(store: Store, ip: string): boolean {
  return store.peekList('services').some((s) => (s.spec as { clusterIP?: string } | undefined)?.clusterIP === ip);
}

export function allocateClusterIP(store: Store, random: SeededRandom): string {
  const used = new Set(store.peekList('services').map((s) => (s.spec as { clusterIP?: string } | undefined)?.clusterIP));
  for (;;) {
    const offset = STATIC_BAND + random.int(SIZE - STATIC_BAND - 1);
    const ip = toIP((BASE + offset) >>> 0);
    if (!used.has(ip)) return ip;
  }
}
