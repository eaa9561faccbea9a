/** The name each widget's worker carries, so worker code can tell a widget's throwaway lab from the app's. Import-free: worker-entry.ts stays tiny. */
export const EMBED_WORKER_NAME = 'kubelab-embed';

/** Whether this worker runs a widget's lab. */
export const isEmbedWorker = (): boolean => (globalThis as { name?: string }).name === EMBED_WORKER_NAME;
