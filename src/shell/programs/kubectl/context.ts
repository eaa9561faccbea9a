/** Everything one kubectl invocation needs: IO, the cluster, the kubeconfig and the effective namespace. */
import type { ClusterClient } from '../../../cluster/client/types';
import type { ResourceInfo } from '../../../cluster/api/types';
import type { ProgramIO } from '../../program';
import type { Kubeconfig } from './kubeconfig';

export interface Invocation {
  io: ProgramIO;
  client: ClusterClient;
  /** Command path for messages: 'kubectl get'. */
  commandPath: string;
  kubeconfig: Kubeconfig;
  kubeconfigPath: string;
  /** --context, or the current context. */
  contextName: string;
  /** -n, or the context's namespace, or 'default'. */
  namespace: string;
  /** Whether -n/--namespace was given. */
  namespaceExplicit: boolean;
  out(text: string): void;
  err(text: string): void;
  now(): number;
  discovery(): ResourceInfo[];
}
