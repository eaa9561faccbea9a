import workerUrl from '../worker/worker-entry.ts?worker&url';
import { EMBED_WORKER_NAME } from '../worker/worker-name';

/**
 * A new worker, so a new cluster, for each widget. When embed.js is loaded
 * from another origin (a CDN or the docs site of another project), a worker
 * cannot start from its URL directly; a same-origin blob module imports it.
 */
export function startLabWorker(): Worker {
  const url = new URL(workerUrl, import.meta.url);
  const options: WorkerOptions = { type: 'module', name: EMBED_WORKER_NAME };
  if (url.origin === location.origin) return new Worker(url, options);
  const shim = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(shim), options);
}
