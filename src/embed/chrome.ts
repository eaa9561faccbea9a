import type { EmbedLanguage, EmbedMode, EmbedTheme } from './options';
import { SHADOW_CSS } from './styles';
import { embedText, type EmbedTextKey } from './texts';

/** An error as a text key, so it can be shown again in another language. */
export interface WidgetError {
  key: EmbedTextKey;
  params?: Record<string, string>;
}

/**
 * The widget's frame around the terminal: the lesson box, the error line and
 * the bottom bar. It draws in the widget's language and theme, and takes a
 * new one of either at any time without touching the terminal.
 */
export class WidgetChrome {
  readonly frame = el('div', 'frame');
  readonly lessonBox = el('section', 'lesson');
  readonly termHost = el('div');
  private readonly errorLine = el('div', 'error');
  private readonly caption = el('span', 'caption');
  private readonly replay = el('button');
  private language: EmbedLanguage = 'en';
  private error: WidgetError | undefined;

  constructor(
    root: ShadowRoot,
    private readonly mode: EmbedMode,
    onReplay: () => void,
  ) {
    const style = el('style');
    style.textContent = SHADOW_CSS;
    this.frame.setAttribute('part', 'frame');
    this.frame.setAttribute('role', 'region');
    this.lessonBox.hidden = true;
    this.errorLine.setAttribute('role', 'alert');
    this.errorLine.hidden = true;
    const termBox = el('div', 'term');
    termBox.append(this.termHost);
    const bar = el('div', 'bar');
    const brand = el('span', 'brand');
    brand.textContent = 'kubelab';
    this.replay.type = 'button';
    this.replay.hidden = true;
    this.replay.addEventListener('click', onReplay);
    bar.append(brand, this.caption, el('span', 'spacer'), this.replay);
    this.frame.append(this.lessonBox, this.errorLine, termBox, bar);
    root.replaceChildren(style, this.frame);
  }

  setTheme(theme: EmbedTheme): void {
    this.frame.dataset.theme = theme;
  }

  /** Redraws every text of the frame (not the lesson's) in `language`. */
  setLanguage(language: EmbedLanguage): void {
    this.language = language;
    const show = this.mode === 'show';
    this.frame.lang = language;
    this.frame.setAttribute('aria-label', this.text(show ? 'regionShow' : 'regionInteractive'));
    this.caption.textContent = this.text(show ? 'captionShow' : 'captionInteractive');
    this.replay.textContent = this.text('replay');
    this.replay.title = this.text('replayLabel');
    this.drawError();
  }

  private text(key: EmbedTextKey, params?: Record<string, string | number>): string {
    return embedText(this.language, key, params);
  }

  showError(error: WidgetError): void {
    this.error = error;
    this.drawError();
  }

  clearError(): void {
    this.error = undefined;
    this.drawError();
  }

  showReplay(): void {
    this.replay.hidden = false;
  }

  private drawError(): void {
    this.errorLine.hidden = !this.error;
    this.errorLine.textContent = this.error ? this.text(this.error.key, this.error.params) : '';
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
