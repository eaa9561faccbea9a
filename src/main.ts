// The worker starts before anything else is fetched: the cluster boots while
// the terminal code (Svelte, xterm) downloads and mounts. This entry stays tiny.
import { listenForFirstTerminal } from './ui/early-terminal';
import { warmUpTerminalFont } from './ui/terminal/warm-up';

performance.mark('kubelab:worker-start');
// The built index.html starts the worker itself, as it is parsed, and keeps what it says until now (see vite.config.ts).
const started = (globalThis as { kubelabWorker?: Worker & { earlyError?: string; earlyMessages?: unknown[] } }).kubelabWorker;
const worker = started ?? new Worker(new URL('./worker/worker-entry.ts', import.meta.url), { type: 'module', name: 'kubelab' });
let startupError: string | undefined = started?.earlyError === undefined ? undefined : started.earlyError || 'The simulated cluster failed to start.';
const onEarlyError = (e: ErrorEvent) => {
  startupError ??= e.message || 'The simulated cluster failed to start.';
};
worker.addEventListener('error', onEarlyError);

// The worker opens the first tab's shell as soon as its lab is up: its prompt waits here for the terminal.
const firstTerminal = listenForFirstTerminal(worker, started?.earlyMessages);
if (started) started.onmessage = null;
// What can wait (the course panel, the service worker's precache) starts once the first prompt is up,
// or after a while if the worker never answers.
const afterFirstPrompt = Promise.race([
  firstTerminal.firstOutput.then(() => new Promise<void>((r) => setTimeout(r, 100))),
  new Promise<void>((r) => setTimeout(r, 5000)),
]);

// The page has nothing else to do until the terminal code arrives.
warmUpTerminalFont();

import('./ui/boot')
  .then(({ boot }) => {
    worker.removeEventListener('error', onEarlyError);
    boot(worker, document.getElementById('app')!, { startupError, firstTerminal, afterFirstPrompt });
  })
  .catch((e: unknown) => {
    document.body.textContent = `kubelab could not start: ${String(e)}`;
  });

// The service worker (offline use, update notice) is its own chunk; its precache downloads every
// built file, so it waits for the page to load and the first prompt to show.
if (import.meta.env.PROD) {
  const register = () => void afterFirstPrompt.then(() => import('./pwa/register')).then((m) => m.registerServiceWorker());
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
