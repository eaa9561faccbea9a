import { afterEach, describe, expect, it } from 'vitest';
import type { Json } from '../printers/types';
import { controllerFreeLab, statefulSet, STS } from '../rollout/test-lab';
import { run } from '../testing/harness';
import { createEditCommand, editorArgs, type EditorLauncher } from './edit';
import { COMMANDS } from './index';

const original = COMMANDS.find((c) => c.name === 'edit')!;
afterEach(() => {
  COMMANDS[COMMANDS.findIndex((c) => c.name === 'edit')] = original;
});

/** Swaps in an edit command whose "editor" rewrites the file with `change`. */
function useEditor(change: (text: string, call: number) => string): string[] {
  const seen: string[] = [];
  const launcher: EditorLauncher = async (argv, inv) => {
    const path = argv[argv.length - 1];
    const text = inv.io.fs.readFile(path);
    seen.push(text);
    inv.io.fs.writeFile(path, change(text, seen.length));
    return 0;
  };
  COMMANDS[COMMANDS.findIndex((c) => c.name === 'edit')] = createEditCommand(launcher);
  return seen;
}

async function lab() {
  const l = controllerFreeLab();
  await l.cluster.client.create(STS, statefulSet('web'));
  return l;
}

const replicas = async (l: Awaited<ReturnType<typeof lab>>) => ((await l.cluster.client.get(STS, 'default', 'web')) as Json).spec.replicas;

describe('kubectl edit', () => {
  it('fails like kubectl when no editor program exists, leaving the file in /tmp', async () => {
    const l = await lab();
    expect(await run(l, 'kubectl edit sts web')).toEqual({ stdout: '', stderr: 'error: unable to launch the editor "vi"\n', code: 1 });
    const [file] = l.fs.readdir('/tmp').filter((f) => /^kubectl-edit-\d+\.yaml$/.test(f));
    expect(l.fs.readFile(`/tmp/${file}`).split('\n').slice(0, 6)).toEqual([
      "# Please edit the object below. Lines beginning with a '#' will be ignored,",
      '# and an empty file will abort the edit. If an error occurs while saving this file will be',
      '# reopened with the relevant failures.',
      '#',
      'apiVersion: apps/v1',
      'kind: StatefulSet',
    ]);
  });

  it('patches what the editor changed', async () => {
    const l = await lab();
    useEditor((t) => t.replace('replicas: 3', 'replicas: 5'));
    expect(await run(l, 'kubectl edit statefulset/web')).toEqual({ stdout: 'statefulset.apps/web edited\n', stderr: '', code: 0 });
    expect(await replicas(l)).toBe(5);
  });

  it('cancels when nothing changed', async () => {
    const l = await lab();
    useEditor((t) => t);
    expect(await run(l, 'kubectl edit sts/web')).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0 });
  });

  it('reopens an invalid edit with the reasons in the header', async () => {
    const l = await lab();
    const seen = useEditor((t, call) => (call === 1 ? t.replace('replicas: 3', 'replicas: -1') : t.replace('replicas: -1', 'replicas: 2')));
    const r = await run(l, 'kubectl edit sts web');
    expect(r.stderr).toBe('error: statefulsets.apps "web" is invalid\n');
    expect(r.stdout).toBe('statefulset.apps/web edited\n');
    expect(seen[1].split('\n').slice(4, 7)).toEqual(['# statefulsets.apps "web" was not valid:', '# * spec.replicas: Invalid value: -1: must be greater than or equal to 0', '#']);
    expect(await replicas(l)).toBe(2);
  });
});

describe('editorArgs', () => {
  it('prefers KUBE_EDITOR, then EDITOR, then vi', () => {
    expect(editorArgs({ KUBE_EDITOR: 'nano', EDITOR: 'emacs' })).toEqual({ args: ['nano'], shell: false });
    expect(editorArgs({ EDITOR: 'code --wait' })).toEqual({ args: ['code', '--wait'], shell: false });
    expect(editorArgs({})).toEqual({ args: ['vi'], shell: false });
  });
});
