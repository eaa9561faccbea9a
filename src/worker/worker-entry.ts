/**
 * The lab worker's script. It is small, so the worker takes messages moments after it
 * starts: a worker gets the messages posted to it before its script has run only once
 * the page's busy main thread lets them through. The lab's code (worker.ts) loads behind
 * it; what arrives before worker.ts has exposed its API is handed to it in order.
 * Meanwhile the saved lab's storage opens; once the lab is up, the app's first shell opens.
 */
import { startEarlyStorage } from './persistence/early-storage';
import { openFirstTerminal, type FirstTerminalMessage } from './first-terminal';
import { isEmbedWorker } from './worker-name';

// An embedded widget's lab is never saved, and its page opens its terminals itself (see worker.ts).
const app = !isEmbedWorker();
if (app) startEarlyStorage();

const early: MessageEvent[] = [];
const hold = (event: MessageEvent) => {
  early.push(event);
  event.stopImmediatePropagation();
};
addEventListener('message', hold);

import('./worker').then(
  ({ api }) => {
    performance.mark('kubelab:worker-loaded');
    removeEventListener('message', hold);
    for (const event of early.splice(0)) dispatchEvent(new MessageEvent('message', { data: event.data, ports: [...event.ports] }));
    if (app) openFirstTerminal(api, (message: FirstTerminalMessage) => postMessage(message));
  },
  (error: unknown) => {
    // Thrown from a task of its own, the error reaches the page's Worker 'error' listeners.
    setTimeout(() => {
      throw error;
    });
  },
);
