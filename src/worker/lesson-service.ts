/**
 * Runs one lesson at a time in the worker: the lesson's own lab (resumed as it
 * was, or fresh with its setup run at high simulated speed) and a LessonEngine
 * fed by every terminal's commands.
 */
import type { Clock } from '../cluster/clock';
import {
  CommandLog,
  LessonEngine,
  kubeconfigNamespace,
  loadCourse,
  progressOf,
  requireLesson,
  runLessonSetup,
  type Course,
  type Language,
  type Lesson,
} from '../lessons/index';
import { stripAnsi } from '../shell/ansi';
import type { CommandEvent, Terminal } from '../shell/terminal-types';
import type { Lab } from './create-lab';
import type { LabSlots } from './lab-slots';
import type { CourseSummary, LabApi, LessonSession, LessonUpdate, StartLessonRequest } from './lab-api';
import type { SpeedControl } from './lab-service';

/** Simulated seconds per real second while a lesson's setup runs. */
export const SETUP_SPEED = 60;

export interface LessonServiceOptions {
  /** Every file under lessons/, keyed by path (loaded when first needed). */
  files: () => Promise<Record<string, string>>;
  /** The sandbox's and the lessons' labs. */
  labs: Pick<LabSlots, 'sandbox' | 'resetSandbox' | 'lesson'>;
  /** Moves the open terminals to `lab`. */
  useLab: (lab: Lab) => void;
  clock: Clock & SpeedControl;
  /** Waits `ms` real milliseconds (setup polls its waitFor checks). */
  sleep?: (ms: number) => Promise<void>;
  /** Releases a remote listener that is no longer called. */
  release?: (listener: (update: LessonUpdate) => void) => void;
}

export type LessonControls = Pick<
  LabApi,
  'listLessons' | 'startLesson' | 'lessonContent' | 'nextHint' | 'goToStep' | 'resetLesson' | 'stopLesson' | 'resetLab'
> & {
  /** Feeds a terminal's command lines to the running lesson's log; returns the detach function. */
  attach(terminal: Terminal): () => void;
};

interface Running {
  lesson: Lesson;
  language: Language;
  engine: LessonEngine;
  log: CommandLog;
  listener: (update: LessonUpdate) => void;
  unsubscribe: () => void;
}

export function createLessonService(options: LessonServiceOptions): LessonControls {
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  let course: Promise<{ files: Record<string, string>; course: Course }> | undefined;
  let running: Running | undefined;
  // Starts, resets and stops run one after another: each replaces the lab.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const loaded = () =>
    (course ??= options.files().then((files) => ({ files, course: loadCourse(files) })));

  function stopRunning(): void {
    if (!running) return;
    running.unsubscribe();
    running.engine.stop();
    options.release?.(running.listener);
    running = undefined;
  }

  async function start(request: StartLessonRequest, listener: (u: LessonUpdate) => void): Promise<LessonSession> {
    const { files } = await loaded();
    const lesson = requireLesson(files, request.id, request.language);
    stopRunning();
    // With progress the learner comes back to the lesson: its lab is resumed when the slot still holds it.
    const home = Object.fromEntries(lesson.files.map((f) => [f.path, f.content]));
    const { lab, resumed } = await options.labs.lesson(lesson.id, home, !!request.progress);
    options.useLab(lab);
    const namespace = kubeconfigNamespace(lab.workstation.fs, lab.workstation.home);
    if (!resumed) await runFast(() => runLessonSetup(lesson, setupHost(lab, namespace)));
    const log = new CommandLog();
    const engine = new LessonEngine({
      lesson,
      client: lab.cluster.client,
      log,
      namespace,
      done: request.progress?.done,
      hintsShown: request.progress?.hintsShown,
    });
    const current: Running = { lesson, language: request.language, engine, log, listener, unsubscribe: () => {} };
    current.unsubscribe = engine.subscribe((event) => {
      if (event.type === 'changed') current.listener({ state: event.state, progress: progressOf(engine) });
    });
    running = current;
    await engine.start();
    const resumeAt = request.progress?.current;
    if (resumeAt && lesson.steps.some((s) => s.id === resumeAt) && !request.progress?.done.includes(resumeAt)) {
      await engine.goTo(resumeAt);
    }
    return { lesson, state: engine.state(), resumed };
  }

  /** Setup waits on simulated time: run it fast, then give the learner back their speed. */
  async function runFast<T>(task: () => Promise<T>): Promise<T> {
    const speed = options.clock.getSpeed();
    options.clock.setSpeed(SETUP_SPEED);
    try {
      return await task();
    } finally {
      options.clock.setSpeed(speed);
    }
  }

  function setupHost(lab: Lab, namespace: () => string) {
    return {
      client: lab.cluster.client,
      namespace,
      run: (line: string) => runHidden(lab, line),
      async waitUntil(done: () => Promise<boolean>, timeoutMs: number) {
        const deadline = options.clock.now() + timeoutMs;
        while (!(await done())) {
          if (options.clock.now() >= deadline) return false;
          await sleep(50);
        }
        return true;
      },
    };
  }

  return {
    async listLessons(): Promise<CourseSummary> {
      const { course: c } = await loaded();
      return {
        problems: c.problems,
        lessons: c.lessons.map((entry) => ({
          id: entry.id,
          steps: (entry.languages.en?.steps ?? []).map((s) => s.id),
          languages: Object.fromEntries(
            Object.entries(entry.languages).map(([lang, l]) => [lang, { title: l.title, summary: l.summary, level: l.level, minutes: l.minutes }]),
          ),
        })),
      };
    },
    startLesson(request, listener) {
      return serial(async () => {
        if (running && running.lesson.id === request.id) {
          if (running.listener !== listener) options.release?.(running.listener);
          running.listener = listener;
          if (running.language !== request.language) {
            const { files } = await loaded();
            running.lesson = requireLesson(files, request.id, request.language);
            running.language = request.language;
          }
          return { lesson: running.lesson, state: running.engine.state(), resumed: true };
        }
        return start(request, listener);
      });
    },
    async lessonContent(id, language) {
      const { files } = await loaded();
      return requireLesson(files, id, language);
    },
    async nextHint() {
      return running?.engine.nextHint();
    },
    async goToStep(stepId) {
      if (!running) throw new Error('no lesson is running');
      await running.engine.goTo(stepId);
      return running.engine.state();
    },
    resetLesson() {
      return serial(async () => {
        if (!running) throw new Error('no lesson is running');
        const { lesson, language, listener } = running;
        running.listener = () => {};
        stopRunning();
        return start({ id: lesson.id, language }, listener);
      });
    },
    stopLesson() {
      return serial(async () => {
        if (!running) return;
        stopRunning();
        options.useLab(options.labs.sandbox());
      });
    },
    resetLab() {
      return serial(async () => {
        stopRunning();
        options.useLab(options.labs.resetSandbox());
      });
    },
    attach(terminal) {
      let entry: { log: CommandLog; index: number } | undefined;
      return terminal.onCommand((event: CommandEvent) => {
        if (event.type === 'start') {
          entry = running ? { log: running.log, index: running.log.start(event.line) } : undefined;
        } else if (entry && event.type === 'output') {
          entry.log.append(entry.index, stripAnsi(event.text));
        } else if (entry && event.type === 'end') {
          entry.log.finish(entry.index, event.exitCode);
          entry = undefined;
        }
      });
    },
  };
}

/** Types a setup line in a terminal the learner does not see; resolves with its output and status. */
function runHidden(lab: Lab, line: string): Promise<{ output: string; exitCode: number }> {
  const terminal = lab.openTerminal({ output() {}, echo() {}, clear() {} }, { cols: 200, rows: 50 });
  return new Promise((resolve) => {
    let output = '';
    const off = terminal.onCommand((event) => {
      if (event.type === 'output') output += event.text;
      if (event.type === 'end') {
        off();
        terminal.close();
        resolve({ output, exitCode: event.exitCode });
      }
    });
    terminal.typeLine(line);
  });
}
