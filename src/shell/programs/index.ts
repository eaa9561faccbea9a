import type { Program } from '../program';

export { programDescriptions } from './descriptions';

// The programs load on first use, so the first prompt does not wait for their code (kubectl is
// the largest); preloadPrograms loads them all, so that a first use normally starts at once.
type KubectlModule = typeof import('./kubectl/index');
type LocalModules = { coreutils: Record<string, Program>; editorPrograms: Record<string, Program>; workstationNet: Record<string, Program> };

let kubectlModule: KubectlModule | undefined;
const loadKubectl = async (): Promise<KubectlModule> => (kubectlModule ??= await import('./kubectl/index'));
// Once loaded, kubectl starts synchronously: a loader's round trip would otherwise let simulated time run.
const kubectl: Program = (io) => (kubectlModule ? kubectlModule.kubectl(io) : loadKubectl().then((m) => m.kubectl(io)));

let localModules: LocalModules | undefined;
const loadLocal = async (): Promise<LocalModules> => {
  if (localModules) return localModules;
  const [{ coreutils }, { editorPrograms }, { workstationNet }] = await Promise.all([import('./coreutils/index'), import('./editor/index'), import('./net/workstation')]);
  return (localModules = { coreutils, editorPrograms, workstationNet });
};
const local = (group: keyof LocalModules, name: string): Program => {
  return (io) => (localModules ? localModules[group][name](io) : loadLocal().then((m) => m[group][name](io)));
};

/** The coreutils-like programs' names (programs/coreutils/index.ts; a test keeps the two lists alike). */
export const COREUTILS_NAMES = [
  'awk', 'base64', 'cat', 'chmod', 'cp', 'cut', 'date', 'env', 'grep', 'head', 'hostname', 'ls', 'mkdir', 'mv', 'printf',
  'rm', 'sed', 'seq', 'sleep', 'sort', 'tail', 'tee', 'touch', 'tr', 'uname', 'uniq', 'wc', 'whoami',
];
/** The full-screen editors' names (programs/editor/index.ts). */
export const EDITOR_NAMES = ['nano', 'vi', 'vim'];

/** Loads the programs that load on first use, so a later first use starts at once. */
export async function preloadPrograms(): Promise<void> {
  await Promise.all([loadKubectl(), loadLocal()]);
}

/** The workstation's programs by name (builtins live in ../builtins.ts). */
export const programs: Record<string, Program> = {
  ...Object.fromEntries(COREUTILS_NAMES.map((name) => [name, local('coreutils', name)])),
  ...Object.fromEntries(EDITOR_NAMES.map((name) => [name, local('editorPrograms', name)])),
  kubectl,
  // The learner's machine's curl, for ports `kubectl port-forward` holds.
  curl: local('workstationNet', 'curl'),
};
