// The worker starts before anything else is fetched: the cluster boots while
// the terminal code (Svelte, xterm) downloads and mounts. This entry stays tiny.
performance.mark('kubelab:worker-start');
const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module', name: 'kubelab' });
let startupError: string | undefined;
const onEarlyError = (e: ErrorEvent) => {
  startupError ??= e.message || 'The simulated cluster failed to start.';
};
worker.addEventListener('error', onEarlyError);

import('./ui/boot')
  .then(({ boot }) => {
    worker.removeEventListener('error', onEarlyError);
    boot(worker, document.getElementById('app')!, startupError);
  })
  .catch((e: unknown) => {
    document.body.textContent = `kubelab could not start: ${String(e)}`;
  });

// The service worker (offline use, update notice) is its own chunk, loaded after the page.
if (import.meta.env.PROD) {
  const register = () => void import('./pwa/register').then((m) => m.registerServiceWorker());
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
