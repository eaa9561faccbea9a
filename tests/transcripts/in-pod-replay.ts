import type { Session } from '../../src/headless';

/**
 * Replays typed lines and writes them as a person sees them: the prompt they
 * were typed at, the line, then what it printed. Lines typed inside a pod
 * show the pod's prompt (`/ # `, `bash-5.0# `).
 */
export async function replayWithPrompts(session: Session, lines: string[]): Promise<string> {
  let prompt = '$ ';
  let out = '';
  for (const line of lines) {
    const watch = / -w\b/.test(line);
    const r = await session.exec(line, { waitMs: watch ? 30_000 : undefined });
    out += `${prompt}${line}\n${r.output}`;
    if (r.running) out += await session.interrupt();
    prompt = r.running ? '$ ' : r.prompt;
  }
  return out;
}
