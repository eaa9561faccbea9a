import type { Program } from '../program';
import { programDescriptions } from './descriptions';

export { programDescriptions };

// The programs load on first use, so the first prompt does not wait for their code (kubectl is
// the largest); preloadPrograms loads them all, so that a first use normally starts at once.
type KubectlModule = typeof import('./kubectl/index');

let kubectlModule: KubectlModule | undefined;
const loadKubectl = async (): Promise<KubectlModule> => (kubectlModule ??= await import('./kubectl/index'));
// Once loaded, kubectl starts synchronously: a loader's round trip would otherwise let simulated time run.
const kubectl: Program = (io) => (kubectlModule ? kubectlModule.kubectl(io) : loadKubectl().then((m) => m.kubectl(io)));

let localPrograms: Record<string, Program> | undefined;
/** The workstation's programs other than kubectl (which stays a chunk of its own), by name. */
export async function loadLocalPrograms(): Promise<Record<string, Program>> {
  if (localPrograms) return localPrograms;
  const [{ coreutils }, { editorPrograms }, { workstationNet }] = await Promise.all([import('./coreutils/index'), import('./editor/index'), import('./net/workstation')]);
  return (localPrograms = { ...coreutils, ...editorPrograms, ...workstationNet });
}
const local = (name: string): Program => (io) => (localPrograms ? localPrograms[name](io) : loadLocalPrograms().then((m) => m[name](io)));

/** Loads the programs that load on first use, so a later first use starts at once. */
export async function preloadPrograms(): Promise<void> {
  await Promise.all([loadKubectl(), loadLocalPrograms()]);
}

/** The workstation's programs by name, one for each description (builtins live in ../builtins.ts). */
export const programs: Record<string, Program> = Object.fromEntries(
  Object.keys(programDescriptions).map((name) => [name, name === 'kubectl' ? kubectl : local(name)]),
);
