import type { Lesson, LessonState } from '../lessons/index';

/**
 * The lesson part of a widget: the step's text and whether it is done. With
 * a `step` it stays on that one step; without, it follows the current step.
 */
export class LessonView {
  private lesson: Lesson | undefined;
  private state: LessonState | undefined;
  private render: ((markdown: string) => string) | undefined;

  constructor(
    private readonly box: HTMLElement,
    private readonly pinnedStep: string | undefined,
  ) {}

  async show(lesson: Lesson, state: LessonState): Promise<void> {
    // Markdown and its sanitizer load only for widgets that show a lesson.
    const { renderMarkdown } = await import('../ui/lesson/markdown');
    this.render = renderMarkdown;
    this.lesson = lesson;
    this.update(state);
  }

  update(state: LessonState): void {
    this.state = state;
    const { lesson, render } = this;
    if (!lesson || !render) return;
    const pinned = this.pinnedStep ? lesson.steps.findIndex((s) => s.id === this.pinnedStep) : -1;
    const index = pinned >= 0 ? pinned : Math.min(state.current, lesson.steps.length - 1);
    const step = lesson.steps[index];
    const box = this.box;
    box.hidden = false;
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
    where.textContent = `${lesson.title} · Step ${index + 1} of ${lesson.steps.length}`;
    if (done) {
      const status = document.createElement('span');
      status.className = 'status';
      status.setAttribute('role', 'status');
      status.textContent = '✓ Done';
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
