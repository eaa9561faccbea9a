import type { Session } from '../../src/headless';

/**
 * A transcript as a person would read it: `$ command` lines followed by what
 * the command printed. Lines typed at a `> ` continuation prompt (heredoc
 * bodies) are written `> line`. Exit codes other than 0 are noted `[exit N]`.
 * Only the `$ ` and `> ` lines are typed; the rest is expected output.
 */
export async function replay(session: Session, script: string): Promise<string> {
  let out = '';
  for (const line of script.split('\n')) {
    if (!line.startsWith('$ ') && !line.startsWith('> ')) continue;
    const typed = line.slice(2);
    const result = await session.exec(typed);
    out += `${line}\n${result.output}`;
    if (result.exitCode !== 0) out += `[exit ${result.exitCode}]\n`;
  }
  return out;
}

