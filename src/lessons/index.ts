/** The lesson engine's public API (the worker and UI import from here; Node-only helpers are in node-loader.ts). */
export { LANGUAGES, LEVELS, type Language, type Level, type Lesson, type LessonStep, type LessonFile, type LessonSetup, type AvailableCapabilities } from './schema';
export { loadCourse, loadLesson, requireLesson, LAB_CAPABILITIES, type Course, type LessonEntry, type LoadOptions } from './loader';
export { LessonValidationError } from './validate';
export { CommandLog, type CommandRecord } from './command-log';
export { LessonEngine, type LessonEngineOptions, type LessonState, type StepState, type CheckState, type LessonEvent } from './engine';
export { runLessonSetup, SETUP_TIMEOUT_MS, type SetupHost } from './setup';
export { kubeconfigNamespace } from './namespace';
export {
  progressOf,
  parseProgress,
  memoryProgressStore,
  keyValueProgressStore,
  saveProgressOnChange,
  type LessonProgress,
  type ProgressStore,
} from './progress';
export { CHECK_KINDS } from './checks/index';
export type { Check, CheckResult, CheckCapabilities, PodFileReader, DnsLookup } from './checks/types';
