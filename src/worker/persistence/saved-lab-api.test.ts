import { describe, expect, it } from 'vitest';
import type { LabApi } from '../lab-api';
import type { PersistenceStatus } from './lab-persistence';
import { savedLabApi } from './saved-lab-api';

function fakeApi(calls: string[]): LabApi {
  const record = (name: string) => (...args: unknown[]) => {
    calls.push(`${name} ${JSON.stringify(args.filter((a) => typeof a !== 'function'))}`);
    return Promise.resolve(undefined);
  };
  return {
    openTerminal: async (onOutput: (data: string) => void) => {
      onOutput('$ ');
      return 1;
    },
    input: record('input'),
    resize: record('resize'),
    closeTerminal: record('closeTerminal'),
    setSpeed: record('setSpeed'),
    info: async () => ({ kubernetesVersion: 'v1.32.0', speed: 1 }),
    listLessons: record('listLessons'),
    startLesson: record('startLesson'),
    lessonContent: record('lessonContent'),
    nextHint: record('nextHint'),
    goToStep: record('goToStep'),
    resetLesson: record('resetLesson'),
    stopLesson: record('stopLesson'),
    resetLab: record('resetLab'),
  } as unknown as LabApi;
}

describe('the LabApi over the saved lab', () => {
  it('queues calls made while the lab loads and runs them in order', async () => {
    const calls: string[] = [];
    let loaded!: (v: { api: LabApi; status(): PersistenceStatus }) => void;
    const api = savedLabApi({ ready: new Promise((r) => (loaded = r)) });
    api.input(1, 'a');
    api.setSpeed(10);
    api.input(1, 'b');
    loaded({ api: fakeApi(calls), status: () => ({ saving: true }) });
    await api.info();
    expect(calls).toEqual(['input [1,"a"]', 'setSpeed [10]', 'input [1,"b"]']);
  });

  it('reports the storage status in info()', async () => {
    const api = savedLabApi({ ready: Promise.resolve({ api: fakeApi([]), status: () => ({ saving: false, message: 'no storage' }) }) });
    expect(await api.info()).toEqual({ kubernetesVersion: 'v1.32.0', speed: 1, storage: { saving: false, message: 'no storage' } });
  });

  it('shows a storage message when a terminal opens and a new one in every open terminal', async () => {
    let status: PersistenceStatus = { saving: false, message: 'one\ntwo' };
    const api = savedLabApi({ ready: Promise.resolve({ api: fakeApi([]), status: () => status }) });
    const out: string[] = [];
    await api.openTerminal((d) => out.push(d), { cols: 80, rows: 24 });
    status = { saving: false, message: 'storage is full' };
    api.announce();
    api.announce();
    await api.info();
    expect(out).toEqual(['\x1b[33mkubelab: one\r\nkubelab: two\x1b[0m\r\n', '$ ', '\r\n\x1b[33mkubelab: storage is full\x1b[0m\r\n']);
  });
});
