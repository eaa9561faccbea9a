/**
 * watchtools.UntilWithSync over one named object, as wait, rollout status and
 * delete use it: `done` sees the given current state first, then each watch
 * event, until it says so or throws. Resolves false at the timeout (0: never);
 * Ctrl-C rejects with an AbortError (exit 130).
 */
import type { KubeObject, ResourceInfo, WatchEvent } from '../../../../cluster/api/types';
import type { Invocation } from '../context';
import { typeOf } from '../resources/mapping';

export interface WatchedObject {
  info: ResourceInfo;
  namespace?: string;
  name: string;
}

function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}

export function watchObjectUntil(
  inv: Invocation,
  target: WatchedObject,
  current: KubeObject | undefined,
  timeoutMs: number,
  done: (event: WatchEvent) => boolean,
): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    let finished = false;
    let stop: () => void = () => {};
    const finish = (result: boolean | Error) => {
      if (finished) return;
      finished = true;
      stop();
      inv.io.signal.removeEventListener('abort', onAbort);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const check = (event: WatchEvent) => {
      if (finished) return;
      try {
        if (done(event)) finish(true);
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const onAbort = () => finish(abortError());
    inv.io.signal.addEventListener('abort', onAbort, { once: true });
    if (current) check({ type: 'ADDED', object: current });
    if (finished) return;
    const options = { namespace: target.namespace, fieldSelector: `metadata.name=${target.name}`, resourceVersion: current?.metadata.resourceVersion };
    stop = inv.client.watch(typeOf(target.info), options, check);
    if (timeoutMs > 0) inv.io.sleep(timeoutMs).then(() => finish(false), () => {});
  });
}
