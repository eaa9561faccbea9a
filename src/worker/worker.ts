import * as Comlink from 'comlink';
import { RealClock } from '../cluster/clock';
import { preloadPrograms } from '../shell/programs/index';
import { createLab } from './create-lab';
import { createFetchUrl } from './fetch-url';
import { createLabService } from './lab-service';
import { browserOpfsVolumes } from './opfs-volumes';
import { STARTER_FILES } from './starter-files';
import { openBrowserSavedLab } from './persistence/browser';
import { savedLabApi } from './persistence/saved-lab-api';
import { unsavedLab } from './persistence/saved-lab';

// A restored lab's simulated time must not go back: the clock starts at its saved time when that is later.
let clockOffset = 0;
// The only comlink expose: everything else in the worker is plain, testable code.
const clock = new RealClock(
  {
    now: () => Date.now() + clockOffset,
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (h) => clearTimeout(h as number),
  },
  1,
);

const fetchUrl = createFetchUrl((url) => fetch(url));
// Lesson labs' volume files are real files in the Origin Private File System, one folder per lab.
const volumes = browserOpfsVolumes(() => clock.now());
const seed = () => Math.floor(Math.random() * 0x7fffffff);

// The app's sandbox lab is saved as it changes and restored on reload (see persistence/);
// an embedded widget's lab (worker name from src/embed/start-worker.ts) is a throwaway one.
const embedded = (globalThis as { name?: string }).name === 'kubelab-embed';
const throwaway = () => unsavedLab(() => createLab({ seed: seed(), clock, files: STARTER_FILES, fetchUrl, storage: volumes.forLab() }));
const saved = embedded
  ? Promise.resolve(throwaway())
  : openBrowserSavedLab({
      now: () => clock.now(),
      catchUpClock: (ms) => (clockOffset += Math.max(0, ms - clock.now())),
      makeLab: ({ storage, restore, home }) => createLab({ seed: seed(), clock, files: home ?? STARTER_FILES, fetchUrl, storage, restore }),
      onStatusChange: () => api.announce(),
    }).catch(throwaway);

const release = (callback: unknown) => {
  (callback as Comlink.Remote<() => void>)[Comlink.releaseProxy]?.();
};

const ready = saved.then((savedLab) => ({
  status: () => savedLab.status(),
  api: createLabService({
    lab: savedLab.lab,
    clock,
    kubernetesVersion: savedLab.lab.cluster.client.version().gitVersion,
    releaseOutput: release,
    lessons: {
      // The course's texts load only when the UI first asks for them.
      files: () => import('./lesson-files').then((m) => m.LESSON_FILES),
      // A fresh sandbox replaces the saved one; lesson labs are not saved.
      newLab: (files) => (files === STARTER_FILES ? savedLab.fresh() : createLab({ seed: seed(), clock, files, fetchUrl, storage: volumes.forLab() })),
      sandboxFiles: STARTER_FILES,
      clock,
      release,
    },
  }),
}));
export const api = savedLabApi({ ready });

Comlink.expose(api);

// kubectl loads once the lab is up and its first prompt drawn: compiling it earlier
// would hold up that prompt, and loading it now means the first kubectl command does not wait.
void ready.then(() => setTimeout(() => void preloadPrograms(), 300));
