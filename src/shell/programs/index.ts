import type { Program } from '../program';
import { coreutils } from './coreutils/index';
import { kubectl } from './kubectl/index';

export { programDescriptions } from './descriptions';

/** The workstation's programs by name (builtins live in ../builtins.ts). */
export const programs: Record<string, Program> = { ...coreutils, kubectl };
