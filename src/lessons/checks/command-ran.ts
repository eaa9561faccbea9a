import type { CheckKind, CommandRanCheck, OutputContainedCheck } from './types';
import { sinceField } from './common';

/** The learner ran a command line matching a regular expression. */
export const commandRan: CheckKind<CommandRanCheck> = {
  kind: 'commandRan',
  fields: ['pattern', 'since'],
  parse: (f) => ({ pattern: f.regex('pattern', true), since: f.oneOf('since', sinceField()) }),
  watches: () => [],
  async evaluate(c, ctx) {
    const pattern = new RegExp(c.pattern);
    const hit = ctx.commands(c.since ?? 'step').find((r) => pattern.test(r.line));
    return hit ? { passed: true, detail: `ran "${hit.line}"` } : { passed: false, detail: `no command matching /${c.pattern}/ yet` };
  },
};

/** A command's output contained a text or matched a pattern (optionally only commands matching `command`). */
export const outputContained: CheckKind<OutputContainedCheck> = {
  kind: 'outputContained',
  fields: ['text', 'pattern', 'command', 'since'],
  parse(f) {
    const parsed = { text: f.string('text'), pattern: f.regex('pattern'), command: f.regex('command'), since: f.oneOf('since', sinceField()) };
    if ((parsed.text === undefined) === (parsed.pattern === undefined)) f.problem('text', 'exactly one of text or pattern is required');
    return parsed;
  },
  watches: () => [],
  async evaluate(c, ctx) {
    const command = c.command !== undefined ? new RegExp(c.command) : undefined;
    const pattern = c.pattern !== undefined ? new RegExp(c.pattern, 'm') : undefined;
    const wanted = c.text !== undefined ? `"${c.text}"` : `/${c.pattern}/`;
    const hit = ctx
      .commands(c.since ?? 'step')
      .filter((r) => !command || command.test(r.line))
      .find((r) => (pattern ? pattern.test(r.output) : r.output.includes(c.text ?? '')));
    return hit ? { passed: true, detail: `"${hit.line}" printed ${wanted}` } : { passed: false, detail: `no output with ${wanted} yet` };
  },
};
