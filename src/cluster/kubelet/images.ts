/**
 * The kubelet's image manager: pull policy, the node's image cache, pull
 * timing, and the events it records (`Pulling`, `Pulled`, `Failed`,
 * `ErrImageNeverPull`), with the back-off the worker applies after a failure.
 */
import { parseImage, resolvePull, type ImageReference } from '../images/reference';
import type { ImageFamily } from '../images/catalogue';
import type { SeededRandom } from '../random';
import { goDuration } from './go-duration';

export type PullOutcome =
  | { ok: true; family: ImageFamily; imageID: string; durationMs: number; events: Array<[type: 'Normal' | 'Warning', reason: string, message: string]> }
  | { ok: false; reason: 'ErrImagePull' | 'ErrImageNeverPull'; message: string; durationMs: number; events: Array<[type: 'Normal' | 'Warning', reason: string, message: string]> };

/** Download speed of the simulated registry, bytes per ms (≈ 40 MB/s). */
const BYTES_PER_MS = 40_000;

export class NodeImages {
  private present = new Map<string, { family: ImageFamily; imageID: string }>();

  constructor(private readonly random: SeededRandom) {}

  /** An image the node already had (a restored lab: its running containers' images stay on disk). */
  remember(image: string, family: ImageFamily, imageID: string): void {
    this.present.set(parseImage(image).canonical, { family, imageID });
  }

  has(image: string): boolean {
    return this.present.has(parseImage(image).canonical);
  }

  /** Decides what pulling `image` does; the caller waits durationMs, then records the events. */
  plan(image: string, policy: string | undefined): { ref: ImageReference; pulling: boolean; durationMs: number; finish: () => PullOutcome } {
    const ref = parseImage(image);
    const cached = this.present.get(ref.canonical);
    if (cached && policy !== 'Always') {
      return {
        ref,
        pulling: false,
        durationMs: 0,
        finish: () => ({ ok: true, family: cached.family, imageID: cached.imageID, durationMs: 0, events: [['Normal', 'Pulled', `Container image "${image}" already present on machine`]] }),
      };
    }
    if (policy === 'Never') {
      return {
        ref,
        pulling: false,
        durationMs: 0,
        finish: () => ({
          ok: false,
          reason: 'ErrImageNeverPull',
          message: `Container image "${image}" is not present with pull policy of Never`,
          durationMs: 0,
          events: [
            ['Warning', 'ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`],
            ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
          ],
        }),
      };
    }
    const result = resolvePull(ref);
    const jitter = 200 + this.random.int(600);
    const durationMs = result.ok ? (cached ? jitter : Math.round(result.size / BYTES_PER_MS) + jitter) : 400 + this.random.int(800);
    return {
      ref,
      pulling: true,
      durationMs,
      finish: () => {
        if (!result.ok)
          return {
            ok: false,
            reason: 'ErrImagePull',
            message: result.message,
            durationMs,
            events: [
              ['Warning', 'Failed', `Failed to pull image "${image}": ${result.message}`],
              ['Warning', 'Failed', 'Error: ErrImagePull'],
            ],
          };
        this.present.set(ref.canonical, { family: result.family, imageID: result.imageID });
        const d = goDuration(durationMs);
        return {
          ok: true,
          family: result.family,
          imageID: result.imageID,
          durationMs,
          events: [['Normal', 'Pulled', `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${result.size} bytes.`]],
        };
      },
    };
  }
}

/** Image pull and crash-loop back-off: 10s doubling to a 300s cap. */
export function backOffMs(failures: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, failures - 1), 300_000);
}
