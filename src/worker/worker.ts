import * as Comlink from 'comlink';
import { RealClock } from '../cluster/clock';
import { preloadPrograms } from '../shell/programs/index';
import { preloadServers } from '../cluster/containers/preload-servers';
import { createLab } from './create-lab';
import { createFetchUrl } from './fetch-url';
import { createLabService } from './lab-service';
import { browserOpfsVolumes } from './opfs-volumes';
import { STARTER_FILES } from './starter-files';
import { openBrowserSlot, type SlotName } from './persistence/browser';
import { savedLabApi } from './persistence/saved-lab-api';
import { labSlots, memorySlot } from './lab-slots';
import { isEmbedWorker } from './worker-name';

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
// A widget's labs keep their volume files in the Origin Private File System too, one throwaway folder per lab.
const volumes = browserOpfsVolumes(() => clock.now());
const seed = () => Math.floor(Math.random() * 0x7fffffff);

// The app's sandbox and lesson labs are saved as they change and restored on reload (see persistence/);
// an embedded widget's labs are throwaway ones.
const embedded = isEmbedWorker();
const throwaway = () => memorySlot((files) => createLab({ seed: seed(), clock, files: files ?? STARTER_FILES, fetchUrl, storage: volumes.forLab() }));
const slot = (name: SlotName) =>
  embedded
    ? Promise.resolve(throwaway())
    : openBrowserSlot(name, {
        now: () => clock.now(),
        catchUpClock: (ms) => (clockOffset += Math.max(0, ms - clock.now())),
        makeLab: ({ storage, restore, home }) => createLab({ seed: seed(), clock, files: home ?? STARTER_FILES, fetchUrl, storage, restore }),
        onStatusChange: () => api.announce(),
      }).catch(throwaway);

const release = (callback: unknown) => {
  (callback as Comlink.Remote<() => void>)[Comlink.releaseProxy]?.();
};

const ready = slot('sandbox').then((sandbox) => {
  const labs = labSlots({ sandbox, openLessonSlot: () => slot('lesson') });
  const lab = labs.sandbox();
  return {
    status: () => labs.status(),
    api: createLabService({
      lab,
      clock,
      kubernetesVersion: lab.cluster.client.version().gitVersion,
      releaseOutput: release,
      lessons: {
        // The course's texts load only when the UI first asks for them.
        files: () => import('./lesson-files').then((m) => m.LESSON_FILES),
        labs,
        clock,
        release,
      },
    }),
  };
});
export const api = savedLabApi({ ready });

Comlink.expose(api);

// kubectl loads once the lab is up and its first prompt drawn: compiling it earlier
// would hold up that prompt, and loading it now means the first kubectl command does not wait.
void ready.then(() => setTimeout(() => void Promise.all([preloadPrograms(), preloadServers()]), 300));
