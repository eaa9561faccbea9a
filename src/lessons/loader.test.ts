import { describe, expect, it } from 'vitest';
import { loadCourse, requireLesson } from './loader';
import { LessonValidationError } from './validate';

const valid = `id: 09-demo
title: Demo
summary: A demo.
level: beginner
minutes: 5
files:
  - web.yaml
  - path: notes.txt
    content: hello
setup:
  objects:
    - source: files/sc.yaml
steps:
  - id: one
    text: Do it.
    hints: [first]
    solution: [kubectl get pods]
    checks:
      - kind: commandRan
        pattern: 'kubectl get'
`;
const zh = `title: 演示
summary: 一个演示。
steps:
  - id: one
    text: 做吧。
    hints: [第一]
`;
const files = {
  '/lessons/09-demo/lesson.yaml': valid,
  '/lessons/09-demo/lesson.zh-CN.yaml': zh,
  '/lessons/09-demo/files/web.yaml': 'kind: Pod\n',
  '/lessons/09-demo/files/sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: x\n',
};

describe('lesson loader', () => {
  it('loads a lesson in both languages from path → text, sharing files, setup, solutions and checks', () => {
    const course = loadCourse(files);
    expect(course.problems).toEqual([]);
    const { en, 'zh-CN': cn } = course.lessons[0].languages;
    expect(en?.files).toEqual([
      { path: 'web.yaml', content: 'kind: Pod\n' },
      { path: 'notes.txt', content: 'hello' },
    ]);
    expect(en?.setup.objects.map((o) => o.metadata.name)).toEqual(['fast']);
    expect(cn?.title).toBe('演示');
    expect(cn?.steps[0]).toEqual({ id: 'one', text: '做吧。', hints: ['第一'], solution: ['kubectl get pods'], checks: en?.steps[0].checks });
  });

  it('names the file, step and field of every problem', () => {
    const broken = valid
      .replace("        pattern: 'kubectl get'\n", "      - kind: jsonPath\n        resource: pod\n        name: web-0\n        equals: x\n      - kind: podsInOrder\n        statefulSet: web\n        replicas: 3\n        colour: red\n")
      .replace('level: beginner', 'level: expert');
    const course = loadCourse({ ...files, 'lessons/09-demo/lesson.yaml': broken });
    expect(course.problems).toEqual([
      'lessons/09-demo/lesson.yaml: steps[0].checks[0].pattern: required',
      'lessons/09-demo/lesson.yaml: steps[0].checks[1].jsonPath: required',
      'lessons/09-demo/lesson.yaml: steps[0].checks[2].colour: unknown field (expected one of: kind, statefulSet, replicas, namespace, createdInOrder)',
      'lessons/09-demo/lesson.yaml: level: must be one of: beginner, intermediate, advanced (got "expert")',
    ]);
    expect(course.lessons).toEqual([]);
  });

  it('accepts the in-pod check kinds in this lab, and rejects them where a capability is missing', () => {
    const dns = valid.replace("      - kind: commandRan\n        pattern: 'kubectl get'\n", '      - kind: dnsResolves\n        host: web-0.nginx\n        pod: web-0\n');
    expect(loadCourse({ ...files, 'lessons/09-demo/lesson.yaml': dns }).problems).toEqual([]);
    expect(loadCourse({ ...files, 'lessons/09-demo/lesson.yaml': dns }, { capabilities: { dns: false, podFiles: true } }).problems).toEqual([
      'lessons/09-demo/lesson.yaml: steps[0].checks[0].kind: "dnsResolves" is not available yet: this lab cannot resolve cluster DNS names for checks',
    ]);
    expect(loadCourse({ ...files, 'lessons/09-demo/lesson.yaml': dns }, { capabilities: { dns: true, podFiles: false } }).problems).toEqual([]);
  });

  it('a translation must keep the step ids and hint counts; a broken one leaves only that language out', () => {
    const course = loadCourse({ ...files, 'lessons/09-demo/lesson.zh-CN.yaml': zh.replace('id: one', 'id: two').replace('[第一]', '[]') });
    expect(course.problems).toEqual([
      'lessons/09-demo/lesson.zh-CN.yaml: steps: step ids must be exactly those of lesson.yaml, in order: [one] (got [two])',
    ]);
    expect(Object.keys(course.lessons[0].languages)).toEqual(['en']);
    const hints = loadCourse({ ...files, 'lessons/09-demo/lesson.zh-CN.yaml': zh.replace('[第一]', '[]') });
    expect(hints.problems).toEqual(['lessons/09-demo/lesson.zh-CN.yaml: steps[0].hints: must have 1 hints like lesson.yaml (got 0)']);
  });

  it('requireLesson throws every problem at once', () => {
    const { ['/lessons/09-demo/files/web.yaml']: _, ...withoutFile } = files;
    expect(() => requireLesson(withoutFile, '09-demo')).toThrow(LessonValidationError);
    expect(() => requireLesson(withoutFile, '09-demo')).toThrow('lessons/09-demo/lesson.yaml: files[0].source: file "files/web.yaml" not found next to the lesson');
  });
});
