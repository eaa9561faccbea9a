import { ApiError, isApiError } from '../../../../cluster/api/errors';
import type { KubeList, ResourceInfo } from '../../../../cluster/api/types';
import type { ListOptions, SharedList } from '../../../../cluster/client/types';
import type { Invocation } from '../context';
import { typeOf } from './mapping';

/**
 * Lists like cli-runtime's resource.Selector: a BadRequest or NotFound from the
 * server is reworded to say what was being listed, keeping it an API error.
 */
export function listResources(inv: Invocation, info: ResourceInfo, options: ListOptions): Promise<KubeList> {
  return reworded(info, options, () => inv.client.list(typeOf(info), options));
}

/**
 * listResources for output that only reads the objects (tables): an in-process
 * API server hands over its stored objects without copying them; any other client lists as usual.
 */
export function listResourcesReadOnly(inv: Invocation, info: ResourceInfo, options: ListOptions): Promise<SharedList> {
  const client = inv.client;
  return reworded(info, options, () => (client.listShared ? client.listShared(typeOf(info), options) : client.list(typeOf(info), options)));
}

async function reworded<T>(info: ResourceInfo, options: ListOptions, list: () => Promise<T>): Promise<T> {
  try {
    return await list();
  } catch (e) {
    if (!isApiError(e) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) throw e;
    const gvr = `${info.group}/${info.version}, Resource=${info.resource}`;
    const label = options.labelSelector ?? '';
    const field = options.fieldSelector ?? '';
    const message =
      label === '' && field === ''
        ? `Unable to list "${gvr}": ${e.message}`
        : `Unable to find "${gvr}" that match label selector "${label}", field selector "${field}": ${e.message}`;
    throw new ApiError(e.code, e.reason, message, e.details);
  }
}
