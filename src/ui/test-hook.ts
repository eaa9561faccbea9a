import type { TerminalTabs } from './terminal/tabs.svelte';
import { bufferText, cursorLineText, terminals } from './terminal/registry';

/** What end-to-end tests read: terminal text without scraping xterm's DOM renderer. */
export interface KubelabTestHook {
  /** The active terminal's buffer (scrollback and screen) as plain text. */
  text(): string;
  /** The buffer of the terminal in tab `index` (0-based, in tab order). */
  textOf(index: number): string;
  /** The active terminal's cursor row up to the cursor ('$ ' at an empty prompt, '' while a command runs). */
  cursorLine(): string;
  activeIndex(): number;
  count(): number;
}

export function installTestHook(tabs: TerminalTabs): void {
  const textOfKey = (key: number) => {
    const term = terminals.get(key);
    return term ? bufferText(term) : '';
  };
  const hook: KubelabTestHook = {
    text: () => textOfKey(tabs.activeKey),
    textOf: (index) => textOfKey(tabs.tabs[index]?.key ?? -1),
    cursorLine: () => {
      const term = terminals.get(tabs.activeKey);
      return term ? cursorLineText(term) : '';
    },
    activeIndex: () => tabs.tabs.findIndex((t) => t.key === tabs.activeKey),
    count: () => tabs.tabs.length,
  };
  (globalThis as { __kubelab?: KubelabTestHook }).__kubelab = hook;
}
