import type { Lesson, LessonState } from '../../lessons/index';
import type { LessonProgress, ProgressStore } from '../../lessons/progress';
import type { LabConnection } from '../lab.svelte';
import type { Locale } from '../i18n/locale.svelte';
import type { LessonUpdate } from '../../worker/lab-api';
import { stepTitle } from './step-title';

/**
 * The lesson the page shows: started in the worker, its state kept current
 * by the engine's updates, its progress saved as it changes.
 */
export class LessonController {
  lesson = $state<Lesson | undefined>();
  state = $state<LessonState | undefined>();
  loading = $state(false);
  error = $state<string | null>(null);
  /** Progress was restored but the lesson's lab was not (it was replaced or never saved): the page says so. */
  restored = $state(false);
  /** The latest status message for screen readers. */
  announcement = $state('');
  private openId: string | undefined;
  private lastSaved = '';
  private generation = 0;

  constructor(
    private readonly lab: LabConnection,
    private readonly store: ProgressStore,
    private readonly locale: Locale,
  ) {}

  get id(): string | undefined {
    return this.openId;
  }

  /** Opens a lesson (a no-op when it is the one open); a fresh cluster unless the worker already runs it. */
  async open(id: string): Promise<void> {
    if (this.openId === id && (this.loading || this.state)) return;
    const generation = ++this.generation;
    this.openId = id;
    this.loading = true;
    this.error = null;
    this.lesson = undefined;
    this.state = undefined;
    this.restored = false;
    try {
      const progress = await this.store.load(id);
      const session = await this.lab.startLesson({ id, language: this.locale.language, progress }, (u) => this.onUpdate(generation, u));
      if (generation !== this.generation) return;
      this.lesson = session.lesson;
      this.state = session.state;
      this.restored = (progress?.done.length ?? 0) > 0 && !session.resumed;
    } catch (e) {
      if (generation === this.generation) this.error = messageOf(e);
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** The same lesson's texts in the interface's new language. */
  async relanguage(): Promise<void> {
    const id = this.openId;
    if (!id || !this.lesson || this.lesson.language === this.locale.language) return;
    const lesson = await this.lab.lessonContent(id, this.locale.language).catch(() => undefined);
    if (lesson && this.openId === id) this.lesson = lesson;
  }

  async goTo(stepId: string): Promise<void> {
    if (!this.state || this.state.steps[this.state.current]?.id === stepId) return;
    try {
      this.state = await this.lab.goToStep(stepId);
    } catch {
      // An unknown step in the address: stay on the current one.
    }
  }

  async nextHint(): Promise<void> {
    await this.lab.nextHint();
  }

  async reset(): Promise<void> {
    const id = this.openId;
    if (!id) return;
    const generation = ++this.generation;
    this.loading = true;
    this.restored = false;
    await this.store.clear(id);
    this.lastSaved = '';
    try {
      const session = await this.lab.resetLesson();
      if (generation !== this.generation) return;
      this.lesson = session.lesson;
      this.state = session.state;
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** Leaves the lesson (the sandbox takes over the terminals). */
  close(): void {
    this.generation++;
    this.openId = undefined;
    this.lesson = undefined;
    this.state = undefined;
  }

  private onUpdate(generation: number, update: LessonUpdate): void {
    if (generation !== this.generation) return;
    const before = this.state;
    this.state = update.state;
    this.save(update.progress);
    if (!before || !this.lesson) return;
    update.state.steps.forEach((step, i) => {
      if (step.done && !before.steps[i]?.done) {
        this.announcement = this.locale.t('lesson.announceDone', { n: i + 1, title: stepTitle(this.lesson!.steps[i]?.text ?? '') });
      }
    });
    if (update.state.complete && !before.complete) {
      this.announcement = this.locale.t('lesson.announceComplete', { title: this.lesson.title });
    }
  }

  private save(progress: LessonProgress): void {
    const text = JSON.stringify(progress);
    if (text === this.lastSaved) return;
    this.lastSaved = text;
    void this.store.save(progress);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
