/**
 * redis-server's code loads apart from the lab's first chunk, as the SQL engine
 * does: the first prompt does not wait for it. Hosts preload it (preloadServers);
 * a redis container that starts before it has loaded starts once it has.
 */
import type * as RedisServerModule from './server';

let loaded: typeof RedisServerModule | undefined;
let loading: Promise<typeof RedisServerModule> | undefined;

export function preloadRedis(): Promise<void> {
  loading ??= import('./server').then((m) => (loaded = m));
  return loading.then(() => undefined);
}

/** The server module once loaded (no server can run before: a redis container's start loads it). */
export function redisModule(): typeof RedisServerModule | undefined {
  return loaded;
}
