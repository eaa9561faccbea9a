import type { CheckKind, FileContainsCheck } from './types';

/** A file inside a pod's container holds a text (read through the in-pod file capability). */
export const fileContains: CheckKind<FileContainsCheck> = {
  kind: 'fileContains',
  requires: 'podFiles',
  fields: ['pod', 'container', 'path', 'text', 'namespace'],
  parse: (f) => ({
    pod: f.string('pod', true),
    container: f.string('container'),
    path: f.string('path', true),
    text: f.string('text', true),
    namespace: f.string('namespace'),
  }),
  watches: () => ['pods'],
  async evaluate(c, ctx) {
    if (!ctx.podFiles) return { passed: false, detail: 'reading files in pods is not available in this lab yet' };
    let content: string;
    try {
      content = await ctx.podFiles.readFile(c.namespace ?? ctx.namespace(), c.pod, c.path, c.container);
    } catch (e) {
      return { passed: false, detail: `${c.path} in pod ${c.pod} cannot be read: ${(e as Error).message}` };
    }
    return content.includes(c.text)
      ? { passed: true, detail: `${c.path} in pod ${c.pod} contains "${c.text}"` }
      : { passed: false, detail: `${c.path} in pod ${c.pod} does not contain "${c.text}"` };
  },
};
