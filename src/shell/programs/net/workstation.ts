/** The network programs of the learner's machine (outside the cluster): curl, for ports kubectl port-forward holds. */
import type { Program } from '../../program';
import { makeCurl } from './curl';
import { forwardedFetch } from './forwarded-fetch';

export const workstationNet: Record<string, Program> = { curl: makeCurl(forwardedFetch) };
