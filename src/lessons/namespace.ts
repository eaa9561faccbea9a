import type { FileSystem } from '../shell/fs-types';
import { contextNamespace, readKubeconfig } from '../shell/programs/kubectl/kubeconfig';

/** The namespace of the learner's current kubeconfig context, as kubectl would use it ('default' when unreadable). */
export function kubeconfigNamespace(fs: FileSystem, home: string): () => string {
  return () => {
    try {
      return contextNamespace(readKubeconfig(fs, `${home}/.kube/config`)) || 'default';
    } catch {
      return 'default';
    }
  };
}
