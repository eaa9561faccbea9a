import { describe, expect, it } from 'vitest';
import type { TerminalSink } from '../../shell/terminal-types';
import { promptAfterSave } from './prompt-after-save';

function recording() {
  const seen: string[] = [];
  const sink: TerminalSink = {
    output: (text, kind) => seen.push(`${kind}:${text}`),
    echo: (ansi) => seen.push(`echo:${ansi}`),
    clear: () => seen.push('clear'),
  };
  return { seen, sink };
}

describe('the prompt after a command waits for the save', () => {
  it('holds the prompt and what follows until the writes are stored, then delivers them in order', async () => {
    const { seen, sink } = recording();
    let saved!: () => void;
    const wrapped = promptAfterSave(sink, () => new Promise<void>((r) => (saved = r)));
    wrapped.output('$ ', 'prompt');
    seen.length = 0;
    wrapped.output('namespace/x created\n', 'stdout');
    wrapped.output('$ ', 'prompt');
    wrapped.echo('k');
    expect(seen).toEqual(['stdout:namespace/x created\n']);
    saved();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['stdout:namespace/x created\n', 'prompt:$ ', 'echo:k']);
    wrapped.echo('u');
    expect(seen.at(-1)).toBe('echo:u');
  });

  it('shows the prompt after the limit when storage stalls', async () => {
    const { seen, sink } = recording();
    const wrapped = promptAfterSave(sink, () => new Promise<void>(() => {}), 5);
    wrapped.output('$ ', 'prompt');
    wrapped.output('$ ', 'prompt');
    expect(seen).toEqual(['prompt:$ ']);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['prompt:$ ', 'prompt:$ ']);
  });

  it("shows a terminal's first prompt at once: it ends no command", () => {
    const { seen, sink } = recording();
    const wrapped = promptAfterSave(sink, () => new Promise<void>(() => {}));
    wrapped.output('$ ', 'prompt');
    expect(seen).toEqual(['prompt:$ ']);
  });
});
