import * as Comlink from 'comlink';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { LabApi } from '../worker/lab-api';
import { bufferText, cursorLineText } from '../ui/terminal/registry';
import { FONT_FAMILY } from '../ui/terminal/theme';
import { parseOptions, type EmbedOptions } from './options';
import { DEFAULT_TIMING, playScript } from './player';
import { startLabWorker } from './start-worker';
import { SHADOW_CSS } from './styles';
import { terminalTheme } from './themes';
import { LessonView } from './lesson-view';

const PROMPT_AT_END = /[$#] $/;
const COMMAND_TIMEOUT_MS = 120_000;

/** Where the widget is: also set as the element's `state` attribute for pages and tests. */
export type WidgetState = 'idle' | 'starting' | 'ready' | 'playing' | 'played' | 'error';

/**
 * <kube-lab>: a terminal on its own simulated cluster (one worker per
 * element), optionally beside a lesson step, or a read-only "show me"
 * player. Everything renders in an open shadow root.
 */
export class KubeLabElement extends HTMLElement {
  private readonly root: ShadowRoot;
  private session: Session | undefined;
  private visibility: IntersectionObserver | undefined;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  /** The options as read from the attributes and a child <script type="text/plain">. */
  get options(): EmbedOptions {
    const child = this.querySelector('script[type="text/plain"]');
    return parseOptions((name) => this.getAttribute(name), child?.textContent);
  }

  /** The terminal's whole text (scrollback and screen). */
  text(): string {
    return this.session ? bufferText(this.session.term) : '';
  }

  /** The cursor's row up to the cursor: '$ ' at an empty prompt. */
  cursorLine(): string {
    return this.session ? cursorLineText(this.session.term) : '';
  }

  connectedCallback(): void {
    if (this.session || this.visibility) return;
    this.style.height = this.options.height;
    // Widgets further down a long page boot their cluster only when scrolled to.
    if (typeof IntersectionObserver === 'undefined') return this.start();
    this.visibility = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.visibility?.disconnect();
      this.visibility = undefined;
      this.start();
    }, { rootMargin: '200px' });
    this.visibility.observe(this);
  }

  disconnectedCallback(): void {
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.session?.dispose();
    this.session = undefined;
    this.setAttribute('state', 'idle');
  }

  /** Starts again on a fresh cluster (the show-me "Replay" button). */
  restart(): void {
    this.session?.dispose();
    this.session = undefined;
    this.start();
  }

  private start(): void {
    this.session = new Session(this.root, this.options, (state) => this.setAttribute('state', state), () => this.restart());
  }
}

/** One run of the widget: a worker, its terminal and the DOM drawn for it. */
class Session {
  readonly term: Terminal;
  private readonly worker: Worker;
  private readonly api: Comlink.Remote<LabApi>;
  private readonly resize: ResizeObserver;
  private disposed = false;

  constructor(
    root: ShadowRoot,
    private readonly options: EmbedOptions,
    private readonly setState: (state: WidgetState) => void,
    onReplay: () => void,
  ) {
    setState('starting');
    const show = options.mode === 'show';
    root.innerHTML = '';
    const style = el('style');
    style.textContent = SHADOW_CSS;
    const frame = el('div', 'frame');
    frame.dataset.theme = options.theme;
    frame.setAttribute('part', 'frame');
    frame.setAttribute('role', 'region');
    frame.setAttribute('aria-label', show ? 'kubelab demonstration (read-only terminal)' : 'kubelab terminal');
    const lessonBox = el('section', 'lesson');
    lessonBox.hidden = true;
    const error = el('div', 'error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const termBox = el('div', 'term');
    const termHost = el('div');
    termBox.append(termHost);
    const bar = el('div', 'bar');
    const brand = el('span', 'brand');
    brand.textContent = 'kubelab';
    const caption = el('span', 'caption');
    caption.textContent = show ? 'Show me: a recorded demonstration (read-only)' : 'A simulated Kubernetes cluster in your browser';
    const replay = el('button');
    replay.type = 'button';
    replay.textContent = 'Replay';
    replay.hidden = true;
    replay.addEventListener('click', onReplay);
    bar.append(brand, caption, el('span', 'spacer'), replay);
    frame.append(lessonBox, error, termBox, bar);
    root.append(style, frame);

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
    this.term.open(termHost);
    const fitIfShown = () => {
      if (termHost.clientWidth > 0 && termHost.clientHeight > 0) fit.fit();
    };
    fitIfShown();
    this.resize = new ResizeObserver(fitIfShown);
    this.resize.observe(termHost);

    this.worker = startLabWorker();
    this.api = Comlink.wrap<LabApi>(this.worker);
    const fail = (message: string) => {
      if (this.disposed) return;
      error.textContent = message;
      error.hidden = false;
      setState('error');
    };
    this.worker.addEventListener('error', (e) => fail(e.message || 'The simulated cluster stopped unexpectedly.'));
    this.run(lessonBox, replay).catch((e: unknown) => fail(`kubelab: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async run(lessonBox: HTMLElement, replay: HTMLButtonElement): Promise<void> {
    const { term, api, options } = this;
    const id = await api.openTerminal(
      Comlink.proxy((data: string) => {
        if (!this.disposed) term.write(data);
      }),
      { cols: term.cols, rows: term.rows },
    );
    if (this.disposed) return;
    term.onResize(({ cols, rows }) => void api.resize(id, { cols, rows }));
    if (options.speed !== 1) await api.setSpeed(options.speed);
    if (options.lesson) {
      const view = new LessonView(lessonBox, options.step);
      const session = await api.startLesson(
        { id: options.lesson, language: options.language },
        Comlink.proxy((update) => view.update(update.state)),
      );
      const state = options.step ? await api.goToStep(options.step) : session.state;
      await view.show(session.lesson, state);
    }
    await this.waitFor(() => PROMPT_AT_END.test(cursorLineText(term)));
    if (this.disposed) return;
    if (options.mode !== 'show') {
      term.onData((data) => void api.input(id, data.replace(/\x1b\[20[01]~/g, '')));
      this.setState('ready');
      return;
    }
    this.setState('playing');
    const finished = await playScript(
      options.script,
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
    replay.hidden = false;
    this.setState('played');
  }

  /** Resolves once `ready()` holds after some output (or at once), or after `timeoutMs`. */
  private waitFor(ready: () => boolean, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve) => {
      if (ready()) return resolve();
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.resize.disconnect();
    this.worker.terminate();
    this.term.dispose();
  }
}

function absoluteRow(term: Terminal): number {
  return term.buffer.active.baseY + term.buffer.active.cursorY;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
