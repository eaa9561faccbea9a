import * as Comlink from 'comlink';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { LabApi } from '../worker/lab-api';
import { cursorLineText } from '../ui/terminal/registry';
import { FONT_FAMILY } from '../ui/terminal/theme';
import type { EmbedLanguage, EmbedOptions, EmbedTheme } from './options';
import { DEFAULT_TIMING, playScript } from './player';
import { startLabWorker } from './start-worker';
import { terminalTheme } from './themes';
import { LessonView } from './lesson-view';
import { WidgetChrome, type WidgetError } from './chrome';

const PROMPT_AT_END = /[$#] $/;
const COMMAND_TIMEOUT_MS = 120_000;

/** Where the widget is: also set as the element's `state` attribute for pages and tests. */
export type WidgetState = 'idle' | 'starting' | 'ready' | 'playing' | 'played' | 'error';

/**
 * One run of the widget: a worker (so a cluster), its terminal and the frame
 * drawn for it. Theme, language, speed and (in a terminal the learner types
 * in) the lesson change on the running lab; anything else needs a new Session.
 */
export class Session {
  readonly term: Terminal;
  private readonly worker: Worker;
  private readonly api: Comlink.Remote<LabApi>;
  private readonly resize: ResizeObserver;
  private readonly chrome: WidgetChrome;
  private readonly view: LessonView;
  private terminalId: Promise<number> | undefined;
  // Booting, lesson switches and translations run one after another.
  private queue: Promise<void> = Promise.resolve();
  // Counts lesson starts, so updates of a lesson already left are dropped.
  private lessonRun = 0;
  private disposed = false;

  constructor(
    root: ShadowRoot,
    readonly options: EmbedOptions,
    private readonly setState: (state: WidgetState) => void,
    onReplay: () => void,
  ) {
    setState('starting');
    const show = options.mode === 'show';
    this.chrome = new WidgetChrome(root, options.mode, onReplay);
    this.chrome.setTheme(options.theme);
    this.chrome.setLanguage(options.language);
    this.view = new LessonView(this.chrome.lessonBox, options.language);

    this.term = new Terminal({
      cursorBlink: !show,
      disableStdin: show,
      fontFamily: FONT_FAMILY,
      fontSize: 13,
      lineHeight: 1.15,
      scrollback: 2000,
      theme: terminalTheme(options.theme),
    });
    const fit = new FitAddon();
    this.term.loadAddon(fit);
    const host = this.chrome.termHost;
    this.term.open(host);
    const fitIfShown = () => {
      if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
    };
    fitIfShown();
    this.resize = new ResizeObserver(fitIfShown);
    this.resize.observe(host);

    this.worker = startLabWorker();
    this.api = Comlink.wrap<LabApi>(this.worker);
    this.worker.addEventListener('error', (e) =>
      this.fail(e.message ? { key: 'failed', params: { message: e.message } } : { key: 'workerStopped' }),
    );
    void this.enqueue(async () => {
      await this.boot();
      // The demonstration plays outside the queue: a new language need not wait for its end.
      if (show && !this.disposed) this.play().catch((e: unknown) => this.fail(errorOf(e)));
    });
  }

  setTheme(theme: EmbedTheme): void {
    this.options.theme = theme;
    this.chrome.setTheme(theme);
    this.term.options.theme = terminalTheme(theme);
  }

  /** The frame's texts at once; a lesson shown is fetched again in `language`. */
  setLanguage(language: EmbedLanguage): void {
    this.options.language = language;
    this.chrome.setLanguage(language);
    this.view.setLanguage(language);
    void this.enqueue(async () => {
      const id = this.view.lessonId;
      if (!id || this.options.language !== language) return;
      const lesson = await this.api.lessonContent(id, language);
      if (!this.disposed && this.view.lessonId === id && this.options.language === language) this.view.setLesson(lesson, language);
    });
  }

  setSpeed(speed: number): void {
    this.options.speed = speed;
    void this.api.setSpeed(speed);
  }

  /** Another lesson (or none) on this session's lab: the terminal stays, the cluster is the lesson's. */
  showLesson(lesson: string | undefined, step: string | undefined): void {
    this.options.lesson = lesson;
    this.options.step = step;
    this.setState('starting');
    this.chrome.clearError();
    void this.enqueue(async () => {
      if (lesson) await this.startLesson(lesson, step);
      else {
        this.lessonRun++;
        this.view.hide();
        await this.api.stopLesson();
      }
      await this.waitForPrompt();
      if (!this.disposed) this.setState('ready');
    });
  }

  /** Another step of the same lesson: the lesson goes there, and the view stays on it when `step` is set. */
  showStep(step: string | undefined): void {
    this.options.step = step;
    this.chrome.clearError();
    void this.enqueue(async () => {
      if (!this.view.lessonId) return;
      const state = step ? await this.api.goToStep(step) : undefined;
      if (this.disposed) return;
      this.view.pin(step);
      if (state) this.view.update(state);
      this.setState('ready');
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.lessonRun++;
    this.resize.disconnect();
    this.worker.terminate();
    this.term.dispose();
  }

  /** Opens the terminal, starts the lesson if any, and waits for the first prompt. */
  private async boot(): Promise<void> {
    const { term, api, options } = this;
    this.terminalId = api.openTerminal(
      Comlink.proxy((data: string) => {
        if (!this.disposed) term.write(data);
      }),
      { cols: term.cols, rows: term.rows },
    );
    const id = await this.terminalId;
    if (this.disposed) return;
    term.onResize(({ cols, rows }) => void api.resize(id, { cols, rows }));
    if (options.speed !== 1) await api.setSpeed(options.speed);
    let lessonFailed = false;
    if (options.lesson) {
      await this.startLesson(options.lesson, options.step).catch((e: unknown) => {
        // A demonstration stops at a lesson that cannot start; a terminal says so and stays usable.
        if (options.mode === 'show') throw e;
        lessonFailed = true;
        this.fail(errorOf(e));
      });
    }
    await this.waitForPrompt();
    if (this.disposed || options.mode === 'show') return;
    term.onData((data) => void api.input(id, data.replace(/\x1b\[20[01]~/g, '')));
    if (!lessonFailed) this.setState('ready');
  }

  private async startLesson(lessonId: string, step: string | undefined): Promise<void> {
    const run = ++this.lessonRun;
    const session = await this.api.startLesson(
      { id: lessonId, language: this.options.language },
      Comlink.proxy((update) => {
        if (run === this.lessonRun) this.view.update(update.state);
      }),
    ).catch((e: unknown) => {
      throw new LessonFailed(messageOf(e));
    });
    const state = step ? await this.api.goToStep(step) : session.state;
    if (run !== this.lessonRun || this.disposed) return;
    let lesson = session.lesson;
    // The language may have changed while the lesson started.
    if (this.options.language !== lesson.language) lesson = await this.api.lessonContent(lessonId, this.options.language);
    await this.view.show(lesson, state, step);
  }

  private async play(): Promise<void> {
    const { term, api } = this;
    const id = await this.terminalId!;
    this.setState('playing');
    const finished = await playScript(
      this.options.script,
      {
        type: (data) => void api.input(id, data),
        commandDone: () => {
          const row = absoluteRow(term);
          return this.waitFor(() => absoluteRow(term) !== row && PROMPT_AT_END.test(cursorLineText(term)), COMMAND_TIMEOUT_MS);
        },
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
      DEFAULT_TIMING,
      () => this.disposed,
    );
    if (!finished) return;
    this.chrome.showReplay();
    this.setState('played');
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((e: unknown) => this.fail(errorOf(e)));
    this.queue = next;
    return next;
  }

  private fail(error: WidgetError): void {
    if (this.disposed) return;
    this.chrome.showError(error);
    this.setState('error');
  }

  private waitForPrompt(): Promise<void> {
    return this.waitFor(() => PROMPT_AT_END.test(cursorLineText(this.term)));
  }

  /** Resolves once `ready()` holds after some output (or at once), or after `timeoutMs`. */
  private waitFor(ready: () => boolean, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve) => {
      if (this.disposed || ready()) return resolve();
      const timer = setTimeout(finish, timeoutMs);
      const listener = this.term.onWriteParsed(() => {
        if (this.disposed || ready()) finish();
      });
      function finish() {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
}

/** The worker could not start the lesson: shown as lessonFailed, not as a general failure. */
class LessonFailed extends Error {}

function errorOf(e: unknown): WidgetError {
  if (e instanceof LessonFailed) return { key: 'lessonFailed', params: { message: e.message } };
  return { key: 'failed', params: { message: messageOf(e) } };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function absoluteRow(term: Terminal): number {
  return term.buffer.active.baseY + term.buffer.active.cursorY;
}
