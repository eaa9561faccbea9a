import { mount } from 'svelte';
import App from './App.svelte';
import { LabConnection } from './lab.svelte';
import { TerminalTabs } from './terminal/tabs.svelte';
import { installTestHook } from './test-hook';
import { Locale } from './i18n/locale.svelte';
import { CurrentRoute } from './course/route.svelte';

/** Mounts the app on a worker that is already starting (see main.ts). */
export function boot(worker: Worker, target: HTMLElement, startupError?: string): void {
  performance.mark('kubelab:boot');
  const lab = new LabConnection(worker);
  if (startupError) lab.error = startupError;
  const tabs = new TerminalTabs();
  tabs.add();
  installTestHook(tabs);
  mount(App, { target, props: { lab, tabs, locale: new Locale(), current: new CurrentRoute() } });
}
