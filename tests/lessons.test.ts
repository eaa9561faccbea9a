import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../src/headless';
import { loadCourse, LANGUAGES, type Lesson } from '../src/lessons/index';
import { readLessonFiles } from '../src/lessons/node-loader';

// The proof of the course: every lesson, in every language, loads cleanly; then,
// replaying each step's reference solution in a headless session, each step's
// checks fail before the solution and pass after it.
const course = loadCourse(readLessonFiles());
const SEED = 7;
const SOLUTION_WAIT_MS = 60_000;
const STEP_TIMEOUT_MS = 300_000;

let session: Session | undefined;
afterEach(() => session?.close());

function failing(results: Array<{ passed: boolean; kind: string; detail: string }>): string {
  return results.filter((r) => !r.passed).map((r) => `${r.kind}: ${r.detail}`).join('\n');
}

async function prove(lesson: Lesson): Promise<void> {
  session = createSession({ seed: SEED, lesson: lesson.id, language: lesson.language });
  const runtime = session.lesson!;
  await runtime.ready;
  const { engine } = runtime;
  for (const [index, step] of lesson.steps.entries()) {
    const where = `${lesson.id} (${lesson.language}) step ${index} "${step.id}"`;
    expect(engine.state().current, `${where} should be the current step`).toBe(index);
    const before = await engine.check(index);
    expect(before.every((r) => r.passed), `${where}: its checks already pass before its solution ran`).toBe(false);
    for (const line of step.solution) {
      const result = await session.exec(line, { waitMs: SOLUTION_WAIT_MS });
      if (result.running) await session.interrupt();
      else expect(result.exitCode, `${where}: "${line}" failed:\n${result.output}`).toBe(0);
    }
    for (let waited = 0; !engine.state().steps[index].done && waited < STEP_TIMEOUT_MS; waited += 1_000) {
      await session.advance(1_000);
      await engine.idle();
    }
    const state = engine.state();
    expect(state.steps[index].done, `${where}: checks still fail after its solution:\n${failing(state.steps[index].checks)}`).toBe(true);
  }
  expect(engine.state().complete).toBe(true);
}

describe('the course', () => {
  it('every lesson file validates, in every language', () => {
    expect(course.problems).toEqual([]);
    expect(course.lessons.length).toBeGreaterThan(0);
  });

  for (const entry of course.lessons) {
    for (const language of LANGUAGES) {
      const lesson = entry.languages[language];
      if (!lesson) continue;
      it(`${entry.id} (${language}): each step's checks fail before its solution and pass after`, () => prove(lesson));
    }
  }
});
