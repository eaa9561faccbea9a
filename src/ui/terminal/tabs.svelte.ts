import { SvelteSet } from 'svelte/reactivity';

/** A tab is its number: the tab bar words its title ("Terminal 2") in the interface language. */
export interface TerminalTab {
  key: number;
}

export const MAX_TERMINALS = 6;

/**
 * Which terminals exist and which show. In split view the active tab shares
 * the window with its partner (the tab that was active before it); both are
 * laid out in tab order so panes do not jump when focus moves between them.
 */
export class TerminalTabs {
  tabs = $state<TerminalTab[]>([]);
  activeKey = $state(0);
  partnerKey = $state(0);
  split = $state(false);
  /** Bumped when the active terminal should take keyboard focus (not on arrow keys in the tab list). */
  focusTick = $state(0);
  /** Tabs that printed something while hidden (a watch left running). */
  readonly unseenOutput = new SvelteSet<number>();
  private counter = 0;

  visibleKeys = $derived.by(() => {
    if (!this.split) return [this.activeKey];
    return this.tabs.map((t) => t.key).filter((k) => k === this.activeKey || k === this.partnerKey);
  });

  get canAdd(): boolean {
    return this.tabs.length < MAX_TERMINALS;
  }

  add(): number | undefined {
    if (!this.canAdd) return undefined;
    const key = ++this.counter;
    this.tabs.push({ key });
    this.select(key);
    return key;
  }

  select(key: number, focus = true): void {
    if (!this.tabs.some((t) => t.key === key)) return;
    if (focus) this.focusTick++;
    if (key === this.activeKey) return;
    if (this.activeKey) this.partnerKey = this.activeKey;
    this.activeKey = key;
    for (const k of this.visibleKeys) this.unseenOutput.delete(k);
  }

  /** A terminal printed output; remembered only while it is off screen. */
  noteOutput(key: number): void {
    if (!this.isVisible(key)) this.unseenOutput.add(key);
  }

  close(key: number, focus = true): void {
    const index = this.tabs.findIndex((t) => t.key === key);
    if (index < 0 || this.tabs.length === 1) return;
    this.tabs.splice(index, 1);
    this.unseenOutput.delete(key);
    if (this.partnerKey === key) this.partnerKey = this.otherThan(this.activeKey);
    if (this.activeKey === key) {
      const next = this.partnerKey || this.tabs[Math.min(index, this.tabs.length - 1)].key;
      this.activeKey = next;
      this.partnerKey = this.otherThan(next);
    }
    if (this.tabs.length < 2) this.split = false;
    if (focus) this.focusTick++;
  }

  toggleSplit(): void {
    if (this.split) {
      this.split = false;
      return;
    }
    if (this.tabs.length < 2) {
      const first = this.activeKey;
      this.add();
      // Keep the first terminal on the left and focus the new one on the right.
      this.partnerKey = first;
    }
    if (!this.partnerKey || this.partnerKey === this.activeKey) this.partnerKey = this.otherThan(this.activeKey);
    this.split = true;
  }

  isVisible(key: number): boolean {
    return this.visibleKeys.includes(key);
  }

  private otherThan(key: number): number {
    return this.tabs.find((t) => t.key !== key)?.key ?? 0;
  }
}
