import type { Language, Lesson, LessonProgress, LessonState, Level } from '../lessons/index';

/**
 * The one surface between the UI thread and the worker. The UI sends raw
 * keystrokes and receives terminal output; the worker owns the cluster, the
 * shells, the line editors and the lesson engine.
 */
export interface LabApi {
  /** Opens a terminal on the lab's cluster; output (ANSI text with \r\n) arrives through onOutput. */
  openTerminal(onOutput: (data: string) => void, size: TerminalSize): Promise<number>;
  /** Raw input from the terminal: typed keys, pasted text, escape sequences. */
  input(terminalId: number, data: string): void;
  resize(terminalId: number, size: TerminalSize): void;
  closeTerminal(terminalId: number): void;
  /** Simulated seconds per real second; 0 pauses. */
  setSpeed(speed: number): void;
  info(): Promise<LabInfo>;

  /** The course: every lesson in every language it is written in, and the authors' validation problems. */
  listLessons(): Promise<CourseSummary>;
  /**
   * Starts a lesson; open terminals move to its lab with a cleared screen.
   * With `progress` (the learner comes back) the lesson's own lab is resumed
   * as it was left when it is still kept (live, or saved before a reload),
   * and steps done stay done; otherwise a fresh lab (new cluster and home
   * directory, setup run at high speed) replaces the previous lesson's. When
   * the lesson already runs, it only takes the new listener. Rejects with the
   * setup's or loader's message.
   */
  startLesson(request: StartLessonRequest, onUpdate: (update: LessonUpdate) => void): Promise<LessonSession>;
  /** The running lesson's texts in another language (same steps, same checks). */
  lessonContent(id: string, language: Language): Promise<Lesson>;
  /** Reveals the current step's next hint; undefined when none is left. */
  nextHint(): Promise<string | undefined>;
  goToStep(stepId: string): Promise<LessonState>;
  /** Restarts the running lesson on a fresh lab with no progress. */
  resetLesson(): Promise<LessonSession>;
  /** Ends the lesson; the terminals move back to the sandbox lab, as it was left. */
  stopLesson(): Promise<void>;
  /** Ends any lesson and replaces the saved sandbox lab with a fresh one (its saved records and volume files go). */
  resetLab(): Promise<void>;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface LabInfo {
  kubernetesVersion: string;
  speed: number;
  /** Whether the lab is being saved in the browser, and a message when something is not saved or was not recovered. */
  storage?: { saving: boolean; message?: string };
}

export interface LessonSummaryText {
  title: string;
  summary: string;
  level: Level;
  minutes: number;
}

export interface LessonSummary {
  id: string;
  /** Step ids in order (progress counts them). */
  steps: string[];
  languages: Partial<Record<Language, LessonSummaryText>>;
}

export interface CourseSummary {
  lessons: LessonSummary[];
  problems: string[];
}

export interface StartLessonRequest {
  id: string;
  language: Language;
  progress?: LessonProgress;
}

export interface LessonSession {
  lesson: Lesson;
  state: LessonState;
  /** The lesson's lab is the one the learner left (not a fresh cluster). */
  resumed: boolean;
}

/** Sent after every change of the engine's state, with the progress record to store. */
export interface LessonUpdate {
  state: LessonState;
  progress: LessonProgress;
}
