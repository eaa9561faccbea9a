import { pickLanguage, type UiLanguage } from '../ui/i18n/i18n';

/**
 * The options of a <kube-lab> widget, read the same way from element
 * attributes and from the iframe page's query string (embed.html?lesson=…).
 */
export type EmbedTheme = 'light' | 'dark';
export type EmbedMode = 'interactive' | 'show';
export type EmbedLanguage = UiLanguage;

export interface EmbedOptions {
  /** A lesson id: the widget runs that lesson's lab and shows its current step. */
  lesson?: string;
  /** One step of the lesson: the widget opens the lesson at that step. */
  step?: string;
  /** A CSS height for the widget box. */
  height: string;
  theme: EmbedTheme;
  /** 'show' plays `script` as a read-only demonstration. */
  mode: EmbedMode;
  /** The commands a show-me widget types, in order. */
  script: string[];
  /** The widget's own texts and the lesson's: any zh tag is zh-CN, anything else English. */
  language: EmbedLanguage;
  /** Simulated seconds per real second (the app's speed control): 1 unless set. */
  speed: number;
}

/** The option names: the element's attributes, and embed.html's query parameters. */
export const OPTION_NAMES = ['lesson', 'step', 'theme', 'height', 'mode', 'show', 'script', 'lang', 'speed'] as const;

export const DEFAULT_HEIGHT = '360px';
const ID = /^[a-z0-9][a-z0-9-]*$/;
const NUMBER = /^\d+(\.\d+)?$/;
// Plain CSS lengths only: a value goes into a style property, never into markup.
const CSS_LENGTH = /^\d+(\.\d+)?(px|em|rem|vh|vw|%|lh|svh|dvh)$/;

/** Reads one option by name (an attribute or a query parameter); null when absent. */
export type OptionSource = (name: string) => string | null;

export function parseOptions(get: OptionSource, childScript?: string | null): EmbedOptions {
  const script = parseScript(get('script') ?? childScript ?? '');
  const modeValue = get('mode');
  const showRequested = modeValue === 'show' || get('show') !== null;
  return {
    lesson: idOrUndefined(get('lesson')),
    step: idOrUndefined(get('step')),
    height: parseHeight(get('height')),
    theme: get('theme')?.trim().toLowerCase() === 'light' ? 'light' : 'dark',
    // A script without an explicit mode is a demonstration; mode=interactive keeps the keyboard.
    mode: showRequested || (script.length > 0 && modeValue !== 'interactive') ? 'show' : 'interactive',
    script,
    language: parseLanguage(get('lang')),
    speed: parseSpeed(get('speed')),
  };
}

/** Query-string form, for embed.html. */
export function optionsFromQuery(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  return parseOptions((name) => params.get(name));
}

/** '480' → '480px'; CSS lengths pass; anything else gets the default. */
export function parseHeight(value: string | null): string {
  const v = value?.trim().toLowerCase() ?? '';
  if (NUMBER.test(v)) return `${v}px`;
  if (CSS_LENGTH.test(v)) return v;
  return DEFAULT_HEIGHT;
}

/**
 * One command per line; blank lines and # comments are dropped, and a
 * leading "$ " prompt is removed, so a copied transcript works as is.
 */
export function parseScript(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^\$\s+/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The app's choice from one tag: any zh tag → 'zh-CN', anything else (or nothing) → 'en'. */
export function parseLanguage(value: string | null): EmbedLanguage {
  return pickLanguage(null, value ? [value.trim()] : []);
}

/** Simulated speed: a number from 0 (paused) to 100; anything else is 1. */
export function parseSpeed(value: string | null): number {
  const v = value?.trim() ?? '';
  if (!NUMBER.test(v)) return 1;
  const n = Number(v);
  return n <= 100 ? n : 1;
}

function idOrUndefined(value: string | null): string | undefined {
  const v = value?.trim();
  return v && ID.test(v) ? v : undefined;
}
