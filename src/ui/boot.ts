import { mount } from 'svelte';
import App from './App.svelte';
import { LabConnection } from './lab.svelte';
import { TerminalTabs } from './terminal/tabs.svelte';
import { installTestHook } from './test-hook';
import { Locale } from './i18n/locale.svelte';
import { CurrentRoute } from './course/route.svelte';
import type { EarlyTerminal } from './early-terminal';

export interface BootOptions {
  startupError?: string;
  /** The first tab's shell, which the worker opens on its own. */
  firstTerminal?: EarlyTerminal;
  /** Settles once the first prompt is up: what the terminal does not need loads then. */
  afterFirstPrompt?: Promise<void>;
}

/** Mounts the app on a worker that is already starting (see main.ts). */
export function boot(worker: Worker, target: HTMLElement, options: BootOptions = {}): void {
  performance.mark('kubelab:boot');
  const lab = new LabConnection(worker, options);
  if (options.startupError) lab.error = options.startupError;
  const tabs = new TerminalTabs();
  tabs.add();
  installTestHook(tabs);
  const afterFirstPrompt = options.afterFirstPrompt ?? Promise.resolve();
  mount(App, { target, props: { lab, tabs, locale: new Locale(), current: new CurrentRoute(), afterFirstPrompt } });
  performance.mark('kubelab:mounted');
}
