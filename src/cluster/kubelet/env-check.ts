/**
 * The failures of the kubelet's makeEnvironmentVariables (kubelet_pods.go): a
 * ConfigMap or Secret named by envFrom or valueFrom that is missing, or a
 * missing key, stops the container from being created (CreateContainerConfigError)
 * unless the reference is optional. Checked in the kubelet's order: envFrom
 * first, then env entries in turn; the first failure wins.
 */
import type { ClusterClient } from '../client/types';
import type { KubeObject } from '../api/types';
import { CONFIGMAPS, SECRETS, ignoreNotFound, type Obj } from '../controllers/runtime/resources';
import { notFoundMessage } from '../containers/projection';

/** The kubelet's pod-worker backoff after a failed sync (backOffPeriod 10s, jitter factor 0.5). */
export const CONFIG_ERROR_RETRY_MS = 10_000;
export const CONFIG_ERROR_JITTER_MS = 5_000;

type Kind = 'configmap' | 'secret';

/** Whether the container reads any ConfigMap or Secret into its environment. */
export function usesEnvSources(container: Obj): boolean {
  if ((container.envFrom ?? []).length) return true;
  return ((container.env ?? []) as Obj[]).some((e) => e.valueFrom?.configMapKeyRef || e.valueFrom?.secretKeyRef);
}

/** The error text the kubelet would report, or undefined when the environment can be built. */
export async function envConfigError(client: ClusterClient, pod: KubeObject, container: Obj): Promise<string | undefined> {
  const ns = pod.metadata.namespace ?? 'default';
  const cache = new Map<string, KubeObject | undefined>();
  const fetch = async (kind: Kind, name: string): Promise<KubeObject | undefined> => {
    const k = `${kind}/${name}`;
    if (!cache.has(k)) cache.set(k, await ignoreNotFound(client.get(kind === 'configmap' ? CONFIGMAPS : SECRETS, ns, name)).catch(() => undefined));
    return cache.get(k);
  };
  for (const from of (container.envFrom ?? []) as Obj[]) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind: Kind = from.configMapRef ? 'configmap' : 'secret';
    if (!(await fetch(kind, ref.name)) && ref.optional !== true) return notFoundMessage(kind, ref.name);
  }
  for (const e of (container.env ?? []) as Obj[]) {
    if (e.value !== undefined && e.value !== '') continue;
    const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
    if (!ref) continue;
    const kind: Kind = e.valueFrom.configMapKeyRef ? 'configmap' : 'secret';
    const optional = ref.optional === true;
    const obj = (await fetch(kind, ref.name)) as Obj;
    if (!obj) {
      if (optional) continue;
      return notFoundMessage(kind, ref.name);
    }
    if (obj.data?.[ref.key] === undefined && !optional) return `couldn't find key ${ref.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`;
  }
  return undefined;
}
