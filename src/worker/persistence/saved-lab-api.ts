/**
 * The LabApi the worker exposes while the saved lab loads: calls wait for it
 * (in order), info() reports the storage status, and storage messages are
 * shown in every terminal (when it opens, and when saving starts failing).
 */
import type { LabApi, LabInfo } from '../lab-api';
import type { PersistenceStatus } from './lab-persistence';

export interface SavedLabApiOptions {
  ready: Promise<{ api: LabApi; status(): PersistenceStatus }>;
}

export function savedLabApi({ ready }: SavedLabApiOptions): LabApi & { announce(): void } {
  const outputs = new Map<number, (data: string) => void>();
  let shown: string | undefined;
  const notice = (message: string) => `\x1b[33mkubelab: ${message.replace(/\n/g, '\r\nkubelab: ')}\x1b[0m\r\n`;
  const call =
    <K extends keyof LabApi>(name: K) =>
    (...args: Parameters<LabApi[K]>): Promise<unknown> =>
      ready.then(({ api }) => (api[name] as (...a: Parameters<LabApi[K]>) => unknown)(...args));

  const api = {
    async openTerminal(onOutput: (data: string) => void, size: Parameters<LabApi['openTerminal']>[1]) {
      const loaded = await ready;
      const message = loaded.status().message;
      if (message) onOutput(notice(message));
      const id = await loaded.api.openTerminal(onOutput, size);
      outputs.set(id, onOutput);
      return id;
    },
    input: call('input'),
    resize: call('resize'),
    closeTerminal: (id: number) => {
      outputs.delete(id);
      return call('closeTerminal')(id);
    },
    setSpeed: call('setSpeed'),
    async info(): Promise<LabInfo> {
      const loaded = await ready;
      return { ...(await loaded.api.info()), storage: loaded.status() };
    },
    listLessons: call('listLessons'),
    startLesson: call('startLesson'),
    lessonContent: call('lessonContent'),
    nextHint: call('nextHint'),
    goToStep: call('goToStep'),
    resetLesson: call('resetLesson'),
    stopLesson: call('stopLesson'),
    resetLab: call('resetLab'),
    /** Shows a new storage message (e.g. quota exceeded) in the open terminals. */
    announce() {
      void ready.then(({ status }) => {
        const message = status().message;
        if (!message || message === shown) return;
        shown = message;
        for (const out of outputs.values()) out(`\r\n${notice(message)}`);
      });
    },
  };
  return api as unknown as LabApi & { announce(): void };
}
