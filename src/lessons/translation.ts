/**
 * lesson.<lang>.yaml holds only the texts of a lesson in another language:
 * title, summary and, per step id, text and hints. Everything else (files,
 * setup, solutions, checks) comes from lesson.yaml, so it cannot drift.
 */
import type { Lesson, Language } from './schema';
import { Fields, isRecord } from './validate';

export function applyTranslation(base: Lesson, language: Language, raw: unknown, file: string, problems: string[]): Lesson {
  const top = new Fields(file, '', isRecord(raw) ? raw : {}, problems);
  if (!isRecord(raw)) top.problem('(document)', 'must be a mapping with title, summary and steps');
  top.only(['id', 'title', 'summary', 'steps']);
  const id = top.string('id');
  if (id !== undefined && id !== base.id) top.problem('id', `must be "${base.id}" as in lesson.yaml`);
  const texts = top.records('steps', (f) => {
    f.only(['id', 'text', 'hints']);
    return { id: f.string('id', true), text: f.string('text', true), hints: f.strings('hints'), at: f.path };
  });
  if (!Array.isArray(top.raw.steps)) top.problem('steps', 'required (a list; [] for a sandbox)');
  const wanted = base.steps.map((s) => s.id);
  const got = texts.map((t) => t.id);
  if (Array.isArray(top.raw.steps) && wanted.join('\n') !== got.join('\n')) {
    top.problem('steps', `step ids must be exactly those of lesson.yaml, in order: [${wanted.join(', ')}] (got [${got.join(', ')}])`);
  }
  const steps = base.steps.map((step) => {
    const t = texts.find((x) => x.id === step.id);
    if (!t) return step;
    if (t.hints.length !== step.hints.length) {
      problems.push(`${file}: ${t.at}.hints: must have ${step.hints.length} hints like lesson.yaml (got ${t.hints.length})`);
    }
    return { ...step, text: t.text, hints: t.hints };
  });
  return { ...base, language, title: top.string('title', true), summary: top.string('summary', true), steps };
}
