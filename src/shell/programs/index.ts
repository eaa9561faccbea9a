import type { Program } from '../program';
import { coreutils } from './coreutils/index';
import { editorPrograms } from './editor/index';

export { programDescriptions } from './descriptions';

// kubectl is the largest program: it loads on first use so the first prompt does not wait for it.
type KubectlModule = typeof import('./kubectl/index');
let kubectlModule: KubectlModule | undefined;
const loadKubectl = async (): Promise<KubectlModule> => (kubectlModule ??= await import('./kubectl/index'));
// Once loaded, kubectl starts synchronously: a loader's round trip would otherwise let simulated time run.
const kubectl: Program = (io) => (kubectlModule ? kubectlModule.kubectl(io) : loadKubectl().then((m) => m.kubectl(io)));

/** Loads the programs that load on first use, so a later first use starts at once. */
export async function preloadPrograms(): Promise<void> {
  await loadKubectl();
}

/** The workstation's programs by name (builtins live in ../builtins.ts). */
export const programs: Record<string, Program> = { ...coreutils, ...editorPrograms, kubectl };
