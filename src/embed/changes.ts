import type { EmbedOptions } from './options';

/**
 * What a change of lesson, step, mode or script does to a running widget:
 * a demonstration (before or after) plays again on a fresh lab; a terminal
 * the learner types in switches lesson or step on its own lab.
 */
export type ShowChange = 'none' | 'restart' | 'lesson' | 'step';

type Shown = Pick<EmbedOptions, 'lesson' | 'step' | 'mode' | 'script'>;

export function showChange(shown: Shown, next: Shown): ShowChange {
  const sameScript = next.script.join('\n') === shown.script.join('\n');
  if (next.mode === 'show' || shown.mode === 'show') {
    const same = next.mode === shown.mode && sameScript && next.lesson === shown.lesson && next.step === shown.step;
    return same ? 'none' : 'restart';
  }
  // A script has no part in a terminal the learner types in.
  if (next.lesson !== shown.lesson) return 'lesson';
  if (next.step !== shown.step) return 'step';
  return 'none';
}
