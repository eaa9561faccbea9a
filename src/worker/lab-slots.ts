/**
 * Where the worker's labs come from: the sandbox and the current lesson each
 * keep their own lab in their own slot, so a lesson never costs the sandbox
 * its state and a reload mid-lesson finds the lesson's cluster as it was.
 */
import type { Lab } from './create-lab';
import type { PersistenceStatus } from './persistence/lab-persistence';
import type { SavedSlot } from './persistence/saved-lab';

export interface LabSlots {
  /** The sandbox lab (restored on start when one was saved). */
  sandbox(): Lab;
  /** Replaces the sandbox lab, and what is saved of it, with a fresh one. */
  resetSandbox(): Lab;
  /**
   * The lab of lesson `id`. With `resume`, the lesson's own lab when the slot
   * holds it (live, or saved before a reload): `resumed` is then true and its
   * setup must not run again. Otherwise a fresh lab with `files` at home
   * replaces the previous lesson's.
   */
  lesson(id: string, files: Record<string, string>, resume: boolean): Promise<{ lab: Lab; resumed: boolean }>;
  /** Storage status of the lab in front (the one the terminals use). */
  status(): PersistenceStatus;
  /** Resolves once every change so far, in every slot, is stored. */
  whenSaved(): Promise<void>;
}

export function labSlots(options: { sandbox: SavedSlot; openLessonSlot: () => Promise<SavedSlot> }): LabSlots {
  const sandboxSlot = options.sandbox;
  let sandboxLab = sandboxSlot.restore() ?? sandboxSlot.fresh();
  let lessonSlot: Promise<SavedSlot> | undefined;
  let lessonLab: { id: string; lab: Lab } | undefined;
  let front: SavedSlot = sandboxSlot;
  return {
    sandbox() {
      front = sandboxSlot;
      return sandboxLab;
    },
    resetSandbox() {
      front = sandboxSlot;
      return (sandboxLab = sandboxSlot.fresh());
    },
    async lesson(id, files, resume) {
      const slot = await (lessonSlot ??= options.openLessonSlot());
      front = slot;
      if (resume && lessonLab?.id === id) return { lab: lessonLab.lab, resumed: true };
      const restored = resume && !lessonLab && slot.savedLesson === id ? slot.restore() : undefined;
      const lab = restored ?? slot.fresh({ files, lesson: id });
      lessonLab = { id, lab };
      return { lab, resumed: !!restored };
    },
    status: () => front.status(),
    async whenSaved() {
      await Promise.all([sandboxSlot.whenSaved(), lessonSlot?.then((slot) => slot.whenSaved())]);
    },
  };
}

/** A slot kept in memory only (an embedded widget's labs, or where storage fails). */
export function memorySlot(makeLab: (files?: Record<string, string>) => Lab): SavedSlot {
  let lab: Lab | undefined;
  return {
    savedLesson: undefined,
    restore: () => undefined,
    fresh(options = {}) {
      lab?.close();
      return (lab = makeLab(options.files));
    },
    status: () => ({ saving: false }),
    whenSaved: async () => {},
  };
}
