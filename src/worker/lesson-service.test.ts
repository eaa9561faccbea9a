import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../cluster/clock';
import { readLessonFiles } from '../lessons/node-loader';
import { preloadPrograms } from '../shell/programs/index';
import { createLab } from './create-lab';
import type { LessonUpdate } from './lab-api';
import { createLabService } from './lab-service';
import { labSlots, memorySlot } from './lab-slots';

const settle = () => new Promise((r) => setImmediate(r));

/** The browser's lab service on a VirtualClock, with the course read from disk. */
function service() {
  const virtual = new VirtualClock();
  let speed = 1;
  const speeds: number[] = [];
  const clock = {
    now: () => virtual.now(),
    setTimer: (ms: number, fn: () => void) => virtual.setTimer(ms, fn),
    clearTimer: (id: ReturnType<VirtualClock['setTimer']>) => virtual.clearTimer(id),
    getSpeed: () => speed,
    setSpeed: (s: number) => void speeds.push((speed = s)),
  };
  const newLab = (files: Record<string, string> = { 'sandbox.txt': 'hi\n' }) => createLab({ seed: 1, clock, files });
  const labs = labSlots({ sandbox: memorySlot(newLab), openLessonSlot: async () => memorySlot(newLab) });
  const api = createLabService({
    lab: labs.sandbox(),
    clock,
    kubernetesVersion: 'v1.32.0',
    schedule: (task) => task(),
    lessons: {
      files: async () => readLessonFiles(),
      labs,
      clock,
      sleep: async () => {
        virtual.advance(1_000);
        await settle();
      },
    },
  });
  /** Runs simulated time until `done` holds (timers fire one by one). */
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 2_000 && !done(); i++) {
      if (!virtual.fireNext(virtual.now() + 1_000)) virtual.advance(1_000);
      await settle();
    }
  };
  return { api, until, speeds, settle };
}

describe('lesson service', () => {
  it('lists every lesson with its texts in both languages', async () => {
    const { api } = service();
    const course = await api.listLessons();
    const first = course.lessons.find((l) => l.id === '02-first-statefulset')!;
    expect(first.steps).toEqual(['headless-service', 'ordered-creation', 'inspect', 'recreate-pod']);
    expect(first.languages.en?.title).toBe('Your first StatefulSet');
    expect(first.languages['zh-CN']?.title).toBe('你的第一个 StatefulSet');
    expect(course.problems).toEqual([]);
  });

  it('starts a lesson on a fresh lab and marks a step done from a command typed in an open terminal', async () => {
    await preloadPrograms();
    const { api, until } = service();
    let screen = '';
    const id = await api.openTerminal((data) => (screen += data), { cols: 120, rows: 40 });
    const updates: LessonUpdate[] = [];
    const session = await api.startLesson({ id: '02-first-statefulset', language: 'en' }, (u) => updates.push(u));
    expect(session.lesson.title).toBe('Your first StatefulSet');
    expect(session.state.current).toBe(0);

    screen = '';
    api.input(id, 'ls\r');
    await until(() => screen.endsWith('$ ') && screen.includes('nginx-headless.yaml'));
    expect(screen).toBe('ls\r\nnginx-headless.yaml  web.yaml\r\n$ ');

    api.input(id, 'kubectl apply -f nginx-headless.yaml\r');
    await until(() => updates.some((u) => u.state.steps[0].done));
    const last = updates[updates.length - 1];
    expect(last.state.current).toBe(1);
    expect(last.progress).toEqual({
      version: 1,
      lessonId: '02-first-statefulset',
      done: ['headless-service'],
      current: 'ordered-creation',
      hintsShown: {},
    });
  });

  it('resumes progress: done steps stay done and the lesson starts at the first step left', async () => {
    const { api } = service();
    const progress = { version: 1 as const, lessonId: '02-first-statefulset', done: ['headless-service'], current: 'ordered-creation', hintsShown: { 'ordered-creation': 1 } };
    const session = await api.startLesson({ id: '02-first-statefulset', language: 'zh-CN', progress }, () => {});
    expect(session.lesson.title).toBe('你的第一个 StatefulSet');
    expect(session.state.steps.map((s) => [s.id, s.done, s.hintsShown])).toEqual([
      ['headless-service', true, 0],
      ['ordered-creation', false, 1],
      ['inspect', false, 0],
      ['recreate-pod', false, 0],
    ]);
    expect(session.state.current).toBe(1);
    expect(await api.nextHint()).toBe(session.lesson.steps[1].hints[1]);
  });

  it('stopping the lesson gives the terminals back the sandbox lab as it was left', async () => {
    await preloadPrograms();
    const { api, until } = service();
    let screen = '';
    const id = await api.openTerminal((data) => (screen += data), { cols: 120, rows: 40 });
    await until(() => screen.endsWith('$ '));
    api.input(id, 'kubectl create namespace kept && echo note > notes.txt\r');
    await until(() => screen.endsWith('$ ') && screen.includes('created'));
    await api.startLesson({ id: '02-first-statefulset', language: 'en' }, () => {});
    await api.stopLesson();
    screen = '';
    api.input(id, 'ls; kubectl get namespace kept -o name\r');
    await until(() => screen.endsWith('$ ') && screen.includes('namespace/'));
    expect(screen).toBe('ls; kubectl get namespace kept -o name\r\nnotes.txt  sandbox.txt\r\nnamespace/kept\r\n$ ');
  });

  it("coming back to a lesson with progress resumes its lab as it was left, without running its setup again", async () => {
    await preloadPrograms();
    const { api, until } = service();
    let screen = '';
    const id = await api.openTerminal((data) => (screen += data), { cols: 120, rows: 40 });
    const first = await api.startLesson({ id: '02-first-statefulset', language: 'en' }, () => {});
    expect(first.resumed).toBe(false);
    api.input(id, 'kubectl apply -f nginx-headless.yaml && rm web.yaml\r');
    await until(() => screen.endsWith('$ ') && screen.includes('created'));
    await api.stopLesson();
    const progress = { version: 1 as const, lessonId: '02-first-statefulset', done: ['headless-service'], current: 'ordered-creation', hintsShown: {} };
    const again = await api.startLesson({ id: '02-first-statefulset', language: 'en', progress }, () => {});
    expect(again.resumed).toBe(true);
    expect(again.state.steps.map((s) => s.done)).toEqual([true, false, false, false]);
    screen = '';
    api.input(id, 'ls; kubectl get svc -o name\r');
    await until(() => screen.endsWith('$ ') && screen.includes('service/nginx'));
    expect(screen).toBe('ls; kubectl get svc -o name\r\nnginx-headless.yaml\r\nservice/kubernetes\r\nservice/nginx\r\n$ ');
  });

  it('a lesson started without progress, or after another lesson, gets a fresh lab', async () => {
    await preloadPrograms();
    const { api, until } = service();
    let screen = '';
    const id = await api.openTerminal((data) => (screen += data), { cols: 120, rows: 40 });
    await api.startLesson({ id: '02-first-statefulset', language: 'en' }, () => {});
    api.input(id, 'kubectl apply -f nginx-headless.yaml\r');
    await until(() => screen.endsWith('$ ') && screen.includes('created'));
    await api.stopLesson();
    const again = await api.startLesson({ id: '02-first-statefulset', language: 'en' }, () => {});
    expect(again.resumed).toBe(false);
    screen = '';
    api.input(id, 'kubectl get svc -o name\r');
    await until(() => screen.endsWith('$ ') && screen.includes('service/kubernetes'));
    expect(screen).toBe('kubectl get svc -o name\r\nservice/kubernetes\r\n$ ');
  });
  it('resetting the lab without a lesson replaces the sandbox with a fresh cluster', async () => {
    await preloadPrograms();
    const { api, until } = service();
    let screen = '';
    const id = await api.openTerminal((data) => (screen += data), { cols: 120, rows: 40 });
    await until(() => screen.endsWith('$ '));
    api.input(id, 'kubectl create namespace kept\r');
    await until(() => screen.endsWith('$ ') && screen.includes('created'));
    await api.resetLab();
    screen = '';
    api.input(id, 'kubectl get namespace kept\r');
    await until(() => screen.endsWith('$ ') && screen.includes('kept'));
    expect(screen).toBe('kubectl get namespace kept\r\nError from server (NotFound): namespaces "kept" not found\r\n$ ');
  });
});
