import { describe, it, expect } from 'vitest';
import { MAX_TERMINALS, TerminalTabs } from './tabs.svelte';

const keys = (t: TerminalTabs) => t.tabs.map((x) => x.key);

describe('TerminalTabs', () => {
  it('adds numbered terminals and makes each new one active', () => {
    const tabs = new TerminalTabs();
    tabs.add();
    tabs.add();
    expect(keys(tabs)).toEqual([1, 2]);
    expect(tabs.activeKey).toBe(2);
    expect(tabs.visibleKeys).toEqual([2]);
  });

  it('stops adding at the limit', () => {
    const tabs = new TerminalTabs();
    for (let i = 0; i < MAX_TERMINALS + 2; i++) tabs.add();
    expect(tabs.tabs.length).toBe(MAX_TERMINALS);
    expect(tabs.canAdd).toBe(false);
  });

  it('split on a single terminal opens a second one beside it, the new one active', () => {
    const tabs = new TerminalTabs();
    tabs.add();
    tabs.toggleSplit();
    expect(tabs.split).toBe(true);
    expect(keys(tabs)).toEqual([1, 2]);
    expect(tabs.activeKey).toBe(2);
    expect(tabs.visibleKeys).toEqual([1, 2]);
  });

  it('in split view shows the active tab and the one active before it, in tab order', () => {
    const tabs = new TerminalTabs();
    tabs.add();
    tabs.add();
    tabs.add();
    tabs.toggleSplit();
    expect(tabs.visibleKeys).toEqual([2, 3]);
    tabs.select(1);
    expect(tabs.visibleKeys).toEqual([1, 3]);
    tabs.select(3);
    expect(tabs.visibleKeys).toEqual([1, 3]);
  });

  it('closing the active tab activates its partner and never closes the last tab', () => {
    const tabs = new TerminalTabs();
    tabs.add();
    tabs.add();
    tabs.add();
    tabs.select(1);
    tabs.close(1);
    expect(keys(tabs)).toEqual([2, 3]);
    expect(tabs.activeKey).toBe(3);
    tabs.close(2);
    tabs.close(3);
    expect(keys(tabs)).toEqual([3]);
  });

  it('leaves split view when fewer than two terminals remain', () => {
    const tabs = new TerminalTabs();
    tabs.add();
    tabs.toggleSplit();
    tabs.close(2);
    expect(tabs.split).toBe(false);
    expect(tabs.visibleKeys).toEqual([1]);
  });

  it('asks for terminal focus on clicks but not on keyboard moves in the tab list', () => {
    const tabs = new TerminalTabs();
    tabs.add();
    tabs.add();
    const before = tabs.focusTick;
    tabs.select(1, false);
    expect(tabs.focusTick).toBe(before);
    tabs.select(2);
    expect(tabs.focusTick).toBe(before + 1);
  });

  it('marks output printed in a hidden terminal until its tab is shown', () => {
    const tabs = new TerminalTabs();
    tabs.add();
    tabs.add();
    tabs.noteOutput(1);
    tabs.noteOutput(2);
    expect([...tabs.unseenOutput]).toEqual([1]);
    tabs.select(1);
    expect([...tabs.unseenOutput]).toEqual([]);
  });
});
