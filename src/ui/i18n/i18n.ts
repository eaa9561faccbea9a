import { fillPlaceholders } from './fill';
import { en, zhCN, type MessageKey, type Messages } from './strings';

export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'kubelab.language';

/** What the language switch shows for each language (in that language). */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', 'zh-CN': '中文' };

const MESSAGES: Record<UiLanguage, Messages> = { en, 'zh-CN': zhCN };

/** The message in `language` with `{name}` placeholders filled; unknown placeholders stay as written. */
export function translate(language: UiLanguage, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(MESSAGES[language][key] ?? en[key], params);
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice, else the first browser language we speak (any zh → zh-CN), else English. */
export function pickLanguage(stored: string | null | undefined, browser: readonly string[] = []): UiLanguage {
  if (isUiLanguage(stored)) return stored;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
