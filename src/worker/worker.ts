import * as Comlink from 'comlink';
import { RealClock } from '../cluster/clock';
import { preloadPrograms } from '../shell/programs/index';
import { createLab } from './create-lab';
import { createFetchUrl } from './fetch-url';
import { createLabService } from './lab-service';
import { browserOpfsVolumes } from './opfs-volumes';
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

const fetchUrl = createFetchUrl((url) => fetch(url));
// Volume files are real files in the Origin Private File System, one folder per lab.
const volumes = browserOpfsVolumes(() => clock.now());
const newLab = (files: Record<string, string>) =>
  createLab({ seed: Math.floor(Math.random() * 0x7fffffff), clock, files, fetchUrl, storage: volumes.forLab() });
const lab = newLab(STARTER_FILES);

const release = (callback: unknown) => {
  (callback as Comlink.Remote<() => void>)[Comlink.releaseProxy]?.();
};

const service = createLabService({
  lab,
  clock,
  kubernetesVersion: lab.cluster.client.version().gitVersion,
  releaseOutput: release,
  lessons: {
    // The course's texts load only when the UI first asks for them.
    files: () => import('./lesson-files').then((m) => m.LESSON_FILES),
    newLab,
    sandboxFiles: STARTER_FILES,
    clock,
    release,
  },
});

Comlink.expose(service);

// kubectl loads after the first prompt is up, so the prompt does not wait for it
// and the first kubectl command does not wait either.
setTimeout(() => void preloadPrograms(), 0);
