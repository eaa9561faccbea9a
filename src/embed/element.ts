import { bufferText, cursorLineText } from '../ui/terminal/registry';
import { OPTION_NAMES, parseOptions, type EmbedOptions } from './options';
import { Session } from './session';
import { showChange } from './changes';

export type { WidgetState } from './session';

/**
 * <kube-lab>: a terminal on its own simulated cluster (one worker per
 * element), optionally beside a lesson step, or a read-only "show me"
 * player. Everything renders in an open shadow root.
 *
 * Attribute changes apply live: theme, height, lang and speed on the running
 * lab; lesson and step switch the lesson on the widget's own lab; a new
 * script or mode (or any change to a demonstration) plays again on a fresh one.
 */
export class KubeLabElement extends HTMLElement {
  // Each option attribute takes effect when it changes.
  static get observedAttributes(): string[] {
    return [...OPTION_NAMES];
  }

  private readonly root: ShadowRoot;
  private session: Session | undefined;
  private visibility: IntersectionObserver | undefined;
  private showChangePending = false;

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
    this.style.height = this.options.height;
    if (this.session || this.visibility) return;
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
    // A move (removed and inserted in one task) keeps the lab; a removal ends its worker.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.session?.dispose();
      this.session = undefined;
      this.setAttribute('state', 'idle');
    });
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue) return;
    if (name === 'height') {
      this.style.height = this.options.height;
      return;
    }
    const session = this.session;
    if (!session) return; // Not started yet: the start reads every attribute.
    const options = this.options;
    if (name === 'theme') session.setTheme(options.theme);
    else if (name === 'lang') session.setLanguage(options.language);
    else if (name === 'speed') session.setSpeed(options.speed);
    else this.scheduleShowChange();
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

  // lesson and step are often set together: one change for both.
  private scheduleShowChange(): void {
    if (this.showChangePending) return;
    this.showChangePending = true;
    queueMicrotask(() => {
      this.showChangePending = false;
      if (this.session) this.applyShowChange(this.session, this.options);
    });
  }

  private applyShowChange(session: Session, next: EmbedOptions): void {
    const change = showChange(session.options, next);
    if (change === 'restart') this.restart();
    else if (change === 'lesson') session.showLesson(next.lesson, next.step);
    else if (change === 'step') session.showStep(next.step);
  }
}
