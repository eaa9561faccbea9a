import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../headless';
import { CommandLog } from './command-log';
import { LessonEngine, type LessonEvent } from './engine';
import { memoryProgressStore, parseProgress, progressOf, saveProgressOnChange } from './progress';
import type { Lesson } from './schema';

const lesson: Lesson = {
  id: 'demo',
  language: 'en',
  title: 'Demo',
  summary: '',
  level: 'beginner',
  minutes: 1,
  files: [],
  setup: { objects: [], commands: [], waitFor: [] },
  steps: [
    { id: 'look', text: '', hints: ['one', 'two'], solution: [], checks: [{ kind: 'commandRan', pattern: '^kubectl get ns' }] },
    { id: 'create', text: '', hints: [], solution: [], checks: [{ kind: 'resourceExists', resource: 'ns', name: 'shop' }] },
  ],
};

let session: Session;
afterEach(() => session?.close());

function start(done: string[] = []) {
  session = createSession({ seed: 3 });
  const log = new CommandLog();
  const engine = new LessonEngine({ lesson, client: session.lab.cluster.client, log, done });
  const events: LessonEvent[] = [];
  engine.subscribe((e) => e.type !== 'changed' && events.push(e));
  return { engine, log, events };
}

describe('lesson engine', () => {
  it('marks a step done after the command its check asks for, then the next once the cluster changes', async () => {
    const { engine, log, events } = start();
    await engine.start();
    expect(engine.state().current).toBe(0);
    log.finish(log.start('kubectl get ns'), 0);
    await engine.idle();
    expect(events).toEqual([{ type: 'stepDone', stepId: 'look', index: 0 }]);
    expect(engine.state().steps[1].checks).toEqual([{ kind: 'resourceExists', passed: false, detail: 'ns shop does not exist' }]);
    await session.exec('kubectl create namespace shop');
    await engine.idle();
    expect(events.slice(1)).toEqual([{ type: 'stepDone', stepId: 'create', index: 1 }, { type: 'lessonDone' }]);
    expect(engine.state().complete).toBe(true);
    engine.stop();
  });

  it('commands typed before a step began do not count for it', async () => {
    const { engine, log } = start();
    log.start('kubectl get ns');
    await engine.start();
    expect(engine.state().current).toBe(0);
    expect(engine.state().steps[0].checks).toEqual([{ kind: 'commandRan', passed: false, detail: 'no command matching /^kubectl get ns/ yet' }]);
    engine.stop();
  });

  it('reveals hints one at a time and resumes from saved progress', async () => {
    const { engine } = start();
    await engine.start();
    expect([engine.nextHint(), engine.nextHint(), engine.nextHint()]).toEqual(['one', 'two', undefined]);
    const store = memoryProgressStore();
    const unsubscribe = saveProgressOnChange(engine, store);
    await engine.goTo('create');
    await engine.idle();
    expect(await store.load('demo')).toEqual({ version: 1, lessonId: 'demo', done: [], current: 'create', hintsShown: { look: 2 } });
    unsubscribe();
    engine.stop();
    const resumed = start(['look']).engine;
    await resumed.start();
    expect(progressOf(resumed)).toEqual({ version: 1, lessonId: 'demo', done: ['look'], current: 'create', hintsShown: {} });
    resumed.stop();
  });

  it('reads files in pods through the cluster (pods/exec) when given no capabilities', async () => {
    session = createSession({ seed: 3, files: { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n  containers:\n  - name: c\n    image: busybox:1.28\n    command: ["sleep", "3600"]\n' } });
    const inPod: Lesson = {
      ...lesson,
      steps: [{ id: 'write', text: '', hints: [], solution: [], checks: [{ kind: 'fileContains', pod: 'box', path: '/tmp/note', text: 'hi' }] }],
    };
    const engine = new LessonEngine({ lesson: inPod, client: session.lab.cluster.client, log: new CommandLog() });
    await session.exec('kubectl apply -f pod.yaml');
    await session.advance(30_000);
    await engine.start();
    expect(engine.state().steps[0].checks).toEqual([{ kind: 'fileContains', passed: false, detail: '/tmp/note in pod box cannot be read: No such file or directory' }]);
    await session.exec("kubectl exec box -- sh -c 'echo hi > /tmp/note'");
    expect((await engine.evaluate()).complete).toBe(true);
    engine.stop();
  });

  it('ignores stored progress that is not a valid record', () => {
    expect(parseProgress('{"version":2}')).toBeUndefined();
    expect(parseProgress('not json')).toBeUndefined();
  });
});
