import * as Comlink from 'comlink';
import { RealClock } from '../cluster/clock';
import { preloadPrograms } from '../shell/programs/index';
import { createLab } from './create-lab';
import { createFetchUrl } from './fetch-url';
import { createLabService } from './lab-service';
import { STARTER_FILES } from './starter-files';

// The only comlink expose: everything else in the worker is plain, testable code.
const clock = new RealClock(
  {
    now: () => Date.now(),
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (h) => clearTimeout(h as number),
  },
  1,
);

const lab = createLab({
  seed: Math.floor(Math.random() * 0x7fffffff),
  clock,
  files: STARTER_FILES,
  fetchUrl: createFetchUrl((url) => fetch(url)),
});

const service = createLabService({
  lab,
  clock,
  kubernetesVersion: lab.cluster.client.version().gitVersion,
  releaseOutput: (onOutput) => {
    (onOutput as unknown as Comlink.Remote<(data: string) => void>)[Comlink.releaseProxy]?.();
  },
});

Comlink.expose(service);

// kubectl loads after the first prompt is up, so the prompt does not wait for it
// and the first kubectl command does not wait either.
setTimeout(() => void preloadPrograms(), 0);
