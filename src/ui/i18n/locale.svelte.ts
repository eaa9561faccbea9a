import type { MessageKey } from './strings';
import { LANGUAGE_STORAGE_KEY, pickLanguage, translate, type UiLanguage } from './i18n';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** The interface language: reactive, remembered in storage, reflected in <html lang>. */
export class Locale {
  language = $state<UiLanguage>('en');

  constructor(
    private readonly storage: Storage | undefined = safeLocalStorage(),
    browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
  ) {
    this.language = pickLanguage(readSafely(this.storage), browser);
    this.reflect();
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string => translate(this.language, key, params);

  set(language: UiLanguage): void {
    this.language = language;
    try {
      this.storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    this.reflect();
  }

  private reflect(): void {
    if (typeof document !== 'undefined') document.documentElement.lang = this.language;
  }
}

function readSafely(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
