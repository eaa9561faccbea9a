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
 *                    terminal shows the next prompt right after it);
 *   `# rows in any order`  the next command's or watch's rows are compared
 *                    grouped by first column (see groupRows).
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
  return [groupRows(mask(actual).split('\n')), groupRows(mask(script.endsWith('\n') ? script : `${script}\n`).split('\n'))];
}

const ANY_ORDER = '# rows in any order';

/**
 * After a `# rows in any order` note, the next command's or watch's rows are
 * grouped by their first column (each row's own updates keep their order).
 * Only for order a real cluster does not fix either: pods of a Parallel set or
 * a garbage collector's deletes interleaving, and tables sorted by random
 * volume names. A masked first column (a volume name) says nothing: such rows
 * sort whole.
 */
function groupRows(lines: string[]): string[] {
  const out = [...lines];
  for (let i = out.indexOf(ANY_ORDER); i >= 0; i = out.indexOf(ANY_ORDER, i + 1)) {
    let start = i + 1;
    while (start < out.length && !(out[start] === 'watch^C' || out[start].startsWith('$ '))) start++;
    start++;
    if (out[start]?.startsWith('NAME ')) start++;
    let end = start;
    while (end < out.length && !/^(\$ |watch|# |\^C|\[)/.test(out[end])) end++;
    const rows = out.slice(start, end).map((line, k) => ({ line, k, key: line.startsWith('<') ? line : line.split(' ')[0] }));
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.k - b.k));
    out.splice(start, rows.length, ...rows.map((r) => r.line));
  }
  return out;
}

/** A golden transcript kept in tests/transcripts/fixtures/. */
export function golden(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}
