import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeadlessTerminal, Session } from '../../src/headless';
import { mask } from './mask';

/**
 * Replays a seed's steps as a learner with two terminals would, and writes
 * them back in the same shape so that mask(actual) can be compared with
 * mask(expected). Lines of a script:
 *   `$ cmd`          typed in the first terminal; what it printed follows
 *                    (a command still running after 60 simulated seconds, a
 *                    watch, is interrupted, which prints `^C`);
 *   `watch$ cmd`     typed in a second terminal, left running;
 *   `watch^C`        the second terminal's output since then follows, and the
 *                    watch is interrupted;
 *   `# wait Ns`      the learner waits N simulated seconds;
 *   `# note`         a comment, kept as it is;
 *   `> line`         a heredoc line; `[exit N]` notes a failing command;
 *   `[no newline]`   the command's output did not end with a newline (a
 *                    terminal shows the next prompt right after it).
 * Any other line is expected output and is ignored when replaying.
 */
export async function replaySeed(session: Session, script: string): Promise<string> {
  let watcher: HeadlessTerminal | undefined;
  let out = '';
  for (const line of script.split('\n')) {
    const wait = /^# wait (\d+)s$/.exec(line);
    if (wait) {
      await session.advance(Number(wait[1]) * 1000);
      out += `${line}\n`;
    } else if (line.startsWith('# ')) {
      out += `${line}\n`;
    } else if (line.startsWith('watch$ ')) {
      watcher = session.openTerminal();
      const r = await watcher.exec(line.slice('watch$ '.length), { waitMs: 0 });
      out += `${line}\n${r.output}`;
    } else if (line === 'watch^C') {
      if (!watcher) throw new Error('watch^C without a watch');
      out += `${line}\n${await watcher.read()}${await watcher.interrupt()}`;
      watcher = undefined;
    } else if (line.startsWith('$ ') || line.startsWith('> ')) {
      const r = await session.exec(line.slice(2), { waitMs: 60_000 });
      out += `${line}\n${r.output}`;
      if (!r.running && r.output && !r.output.endsWith('\n')) out += '\n[no newline]\n';
      if (r.running) out += await session.interrupt();
      else if (r.exitCode !== 0) out += `[exit ${r.exitCode}]\n`;
    }
  }
  return out;
}

/** Replays the script and returns [masked actual, masked expected] for a line-by-line toEqual. */
export async function seedLines(session: Session, script: string): Promise<[string[], string[]]> {
  const actual = await replaySeed(session, script);
  return [mask(actual).split('\n'), mask(script.endsWith('\n') ? script : `${script}\n`).split('\n')];
}

/** A golden transcript kept in tests/transcripts/fixtures/. */
export function golden(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}
