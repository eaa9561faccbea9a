/**
 * Loads the course from file texts keyed by path, so the browser (Vite's
 * import.meta.glob with ?raw) and Node (node-loader.ts) share one loader.
 */
import { parse } from 'yaml';
import { LANGUAGES, parseLesson, type AvailableCapabilities, type Language, type Lesson } from './schema';
import { applyTranslation } from './translation';
import { LessonValidationError } from './validate';

/** What this lab can do for checks: in-pod files through pods/exec, names through the cluster DNS. */
export const LAB_CAPABILITIES: AvailableCapabilities = { podFiles: true, dns: true };

export interface LoadOptions {
  capabilities?: AvailableCapabilities;
}

/** One lesson in every language it is written in. */
export interface LessonEntry {
  id: string;
  languages: Partial<Record<Language, Lesson>>;
}

export interface Course {
  /** Sorted by id (the NN- prefix orders the course). */
  lessons: LessonEntry[];
  /** Every validation problem, "<file>: <path>: <message>". An invalid lesson.yaml leaves the lesson out; an invalid translation leaves out that language. */
  problems: string[];
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').replace(/^.*?(?=lessons\/)/, '');
}

function languageFile(language: Language): string {
  return language === 'en' ? 'lesson.yaml' : `lesson.${language}.yaml`;
}

function parseYaml(text: string, file: string, problems: string[]): unknown {
  try {
    return parse(text);
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Loads one lesson directory's languages from `files` ('lessons/<id>/…' → text). */
export function loadLesson(files: Record<string, string>, id: string, options: LoadOptions = {}): { entry?: LessonEntry; problems: string[] } {
  const texts = new Map(Object.entries(files).map(([p, t]) => [normalise(p), t]));
  const dir = `lessons/${id}`;
  const problems: string[] = [];
  const baseFile = `${dir}/lesson.yaml`;
  const baseText = texts.get(baseFile);
  if (baseText === undefined) return { problems: [`${baseFile}: not found`] };
  const raw = parseYaml(baseText, baseFile, problems);
  if (problems.length) return { problems };
  const base = parseLesson(raw, {
    file: baseFile,
    directory: id,
    readSibling: (relative) => texts.get(`${dir}/${relative.replace(/^\.\//, '')}`),
    capabilities: options.capabilities ?? LAB_CAPABILITIES,
  }, problems);
  if (problems.length) return { problems };
  const languages: Partial<Record<Language, Lesson>> = { en: base };
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    const file = `${dir}/${languageFile(language)}`;
    const text = texts.get(file);
    if (text === undefined) {
      problems.push(`${file}: not found (every lesson comes in ${LANGUAGES.join(' and ')})`);
      continue;
    }
    const before = problems.length;
    const translated = parseYaml(text, file, problems);
    const lesson = problems.length === before ? applyTranslation(base, language, translated, file, problems) : undefined;
    if (lesson && problems.length === before) languages[language] = lesson;
  }
  // A broken translation leaves that language out (the UI falls back to English); problems list it.
  return { entry: { id, languages }, problems };
}

/** Loads every lesson found in `files`. */
export function loadCourse(files: Record<string, string>, options: LoadOptions = {}): Course {
  const ids = new Set<string>();
  for (const path of Object.keys(files)) {
    const m = /^lessons\/([^/]+)\/lesson\.yaml$/.exec(normalise(path));
    if (m) ids.add(m[1]);
  }
  const course: Course = { lessons: [], problems: [] };
  for (const id of [...ids].sort()) {
    const { entry, problems } = loadLesson(files, id, options);
    course.problems.push(...problems);
    if (entry) course.lessons.push(entry);
  }
  return course;
}

/** The lesson in a language, or throws LessonValidationError listing every problem. */
export function requireLesson(files: Record<string, string>, id: string, language: Language = 'en', options: LoadOptions = {}): Lesson {
  const { entry, problems } = loadLesson(files, id, options);
  const lesson = entry?.languages[language];
  if (!lesson) throw new LessonValidationError(problems.length ? problems : [`lessons/${id}: no ${language} lesson`]);
  return lesson;
}
