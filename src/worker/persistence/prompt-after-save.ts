/**
 * A command is finished for the learner when its prompt comes back: the prompt,
 * and everything after it, waits until the lab's writes so far are stored (or
 * a short limit passes, so a stalled storage never freezes the terminal).
 */
import type { TerminalSink } from '../../shell/terminal-types';

export const SAVE_WAIT_LIMIT_MS = 2000;

export function promptAfterSave(sink: TerminalSink, whenSaved: () => Promise<void>, limitMs = SAVE_WAIT_LIMIT_MS): TerminalSink {
  let held: Array<() => void> | undefined;
  // The terminal's first prompt ends no command of the learner's, so it shows at once.
  let firstPrompt = true;
  const pass = (deliver: () => void) => (held ? held.push(deliver) : deliver());
  const release = () => {
    const queue = held ?? [];
    held = undefined;
    for (const deliver of queue) deliver();
  };
  return {
    output(text, kind) {
      if (kind === 'prompt' && firstPrompt) {
        firstPrompt = false;
        pass(() => sink.output(text, kind));
        return;
      }
      if (kind === 'prompt' && !held) {
        held = [() => sink.output(text, kind)];
        const timer = setTimeout(release, limitMs);
        const done = () => {
          clearTimeout(timer);
          if (held) release();
        };
        whenSaved().then(done, done);
        return;
      }
      pass(() => sink.output(text, kind));
    },
    echo: (ansi) => pass(() => sink.echo(ansi)),
    clear: () => pass(() => sink.clear()),
  };
}
