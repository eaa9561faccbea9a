import type { Lesson, LessonState } from '../lessons/index';
import type { EmbedLanguage } from './options';
import { embedText } from './texts';

/**
 * The lesson part of a widget: the step's text and whether it is done. With
 * a pinned step it stays on that one step; without, it follows the current step.
 */
export class LessonView {
  private lesson: Lesson | undefined;
  private state: LessonState | undefined;
  private render: ((markdown: string) => string) | undefined;
  private pinnedStep: string | undefined;

  constructor(
    private readonly box: HTMLElement,
    private language: EmbedLanguage,
  ) {}

  /** Shows `lesson` (replacing any other) in the state given. */
  async show(lesson: Lesson, state: LessonState, pinnedStep: string | undefined): Promise<void> {
    // Markdown and its sanitizer load only for widgets that show a lesson.
    const { renderMarkdown } = await import('../ui/lesson/markdown');
    this.render = renderMarkdown;
    this.lesson = lesson;
    this.pinnedStep = pinnedStep;
    this.update(state);
  }

  /** The same lesson's texts in another language (its steps and state are unchanged). */
  setLesson(lesson: Lesson, language: EmbedLanguage): void {
    this.lesson = lesson;
    this.setLanguage(language);
  }

  setLanguage(language: EmbedLanguage): void {
    this.language = language;
    if (this.state) this.update(this.state);
  }

  pin(stepId: string | undefined): void {
    this.pinnedStep = stepId;
    if (this.state) this.update(this.state);
  }

  hide(): void {
    this.lesson = undefined;
    this.state = undefined;
    this.box.hidden = true;
    this.box.replaceChildren();
    for (const key of ['lesson', 'step', 'status']) delete this.box.dataset[key];
  }

  /** The id of the lesson shown, if any. */
  get lessonId(): string | undefined {
    return this.lesson?.id;
  }

  update(state: LessonState): void {
    this.state = state;
    const { lesson, render, language } = this;
    if (!lesson || !render) return;
    const pinned = this.pinnedStep ? lesson.steps.findIndex((s) => s.id === this.pinnedStep) : -1;
    const index = pinned >= 0 ? pinned : Math.min(state.current, lesson.steps.length - 1);
    const step = lesson.steps[index];
    const box = this.box;
    box.hidden = false;
    box.lang = language;
    box.setAttribute('aria-label', embedText(language, 'lessonRegion'));
    box.dataset.lesson = lesson.id;
    if (!step) {
      box.textContent = lesson.title;
      return;
    }
    const done = state.steps[index]?.done ?? false;
    box.dataset.step = step.id;
    box.dataset.status = done ? 'done' : 'current';
    const where = document.createElement('p');
    where.className = 'where';
    where.textContent = embedText(language, 'stepOf', { title: lesson.title, n: index + 1, total: lesson.steps.length });
    if (done) {
      const status = document.createElement('span');
      status.className = 'status';
      status.setAttribute('role', 'status');
      status.textContent = embedText(language, 'stepDone');
      where.append(status);
    }
    const text = document.createElement('div');
    text.className = 'text';
    text.innerHTML = render(step.text);
    box.replaceChildren(where, text);
  }

  /** The last state seen (tests and callers can read it). */
  get current(): LessonState | undefined {
    return this.state;
  }
}
