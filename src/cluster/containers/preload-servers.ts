/** The servers' code that loads after the lab is up (mysqld's SQL engine, redis-server): hosts preload it once the first prompt is drawn, headless sessions at once. */
import { preloadSqlEngine } from './mysql/server';
import { preloadRedis } from './redis/lazy';

export function preloadServers(): Promise<void> {
  return Promise.all([preloadSqlEngine(), preloadRedis()]).then(() => undefined);
}
