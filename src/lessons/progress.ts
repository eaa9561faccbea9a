/**
 * A lesson's progress as a small serialisable record, and stores for it. The
 * UI injects the storage (localStorage, IndexedDB); nothing here touches it.
 */
import type { LessonEngine } from './engine';

export interface LessonProgress {
  version: 1;
  lessonId: string;
  /** Ids of the steps done, in lesson order. */
  done: string[];
  /** The step the learner is on (its id), absent once the lesson is complete. */
  current?: string;
  /** Hints revealed per step id. */
  hintsShown: Record<string, number>;
}

export interface ProgressStore {
  load(lessonId: string): Promise<LessonProgress | undefined>;
  save(progress: LessonProgress): Promise<void>;
  /** Forgets a lesson (reset to a fresh cluster). */
  clear(lessonId: string): Promise<void>;
}

/** The engine's current progress record. */
export function progressOf(engine: LessonEngine): LessonProgress {
  const state = engine.state();
  const hintsShown: Record<string, number> = {};
  for (const s of state.steps) if (s.hintsShown > 0) hintsShown[s.id] = s.hintsShown;
  return {
    version: 1,
    lessonId: state.lessonId,
    done: state.steps.filter((s) => s.done).map((s) => s.id),
    current: state.steps[state.current]?.id,
    hintsShown,
  };
}

/** Reads a stored record back, or undefined when it is not a valid one (a stale or foreign value). */
export function parseProgress(text: string | null | undefined): LessonProgress | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<LessonProgress>;
    if (value.version !== 1 || typeof value.lessonId !== 'string' || !Array.isArray(value.done)) return undefined;
    if (!value.done.every((d) => typeof d === 'string')) return undefined;
    const hints = typeof value.hintsShown === 'object' && value.hintsShown !== null ? value.hintsShown : {};
    return {
      version: 1,
      lessonId: value.lessonId,
      done: value.done,
      current: typeof value.current === 'string' ? value.current : undefined,
      hintsShown: Object.fromEntries(Object.entries(hints).filter(([, n]) => typeof n === 'number')),
    };
  } catch {
    return undefined;
  }
}

/** A store in memory (tests, headless). */
export function memoryProgressStore(): ProgressStore {
  const records = new Map<string, string>();
  return {
    load: async (id) => parseProgress(records.get(id)),
    save: async (p) => void records.set(p.lessonId, JSON.stringify(p)),
    clear: async (id) => void records.delete(id),
  };
}

/** A store over any string key-value storage with the Web Storage shape (localStorage). */
export function keyValueProgressStore(
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void },
  prefix = 'kubelab.progress.',
): ProgressStore {
  return {
    load: async (id) => parseProgress(storage.getItem(prefix + id)),
    save: async (p) => storage.setItem(prefix + p.lessonId, JSON.stringify(p)),
    clear: async (id) => storage.removeItem(prefix + id),
  };
}

/** Saves the engine's progress whenever it changes; returns the unsubscribe function. */
export function saveProgressOnChange(engine: LessonEngine, store: ProgressStore): () => void {
  let last = JSON.stringify(progressOf(engine));
  return engine.subscribe(() => {
    const record = progressOf(engine);
    const text = JSON.stringify(record);
    if (text === last) return;
    last = text;
    void store.save(record);
  });
}
