import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../../../headless';

const WEB = readFileSync(join(__dirname, '../../../../../tests/transcripts/fixtures/web.yaml'), 'utf8');

let session: Session;
afterEach(() => session.close());

async function webRunning(): Promise<Session> {
  session = createSession({ files: { 'web.yaml': WEB } });
  await session.exec('kubectl apply -f web.yaml');
  await session.exec('kubectl rollout status sts web', { waitMs: 60_000 });
  return session;
}

describe('kubectl edit in the terminal', () => {
  it('opens vi on the object (no EDITOR set), and applies the saved change', async () => {
    await webRunning();
    const opened = await session.exec('kubectl edit sts web');
    expect(opened.running).toBe(true);
    const screen = opened.output.split('\n');
    expect(screen.slice(0, 6)).toEqual([
      "# Please edit the object below. Lines beginning with a '#' will be ignored,",
      '# and an empty file will abort the edit. If an error occurs while saving this file will be',
      '# reopened with the relevant failures.',
      '#',
      'apiVersion: apps/v1',
      'kind: StatefulSet',
    ]);
    expect(screen[screen.length - 2]).toMatch(/^"\/tmp\/kubectl-edit-\d+\.yaml" \d+L, \d+B$/);

    expect((await session.exec('/replicas: 2')).output.split('\n').slice(-2)).toEqual(['/replicas: 2', '']);
    expect(await session.exec('$r3\x1b:wq')).toEqual({ output: 'statefulset.apps/web edited\n', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('kubectl rollout status sts web', { waitMs: 60_000 })).output).toBe(
      'Waiting for 1 pods to be ready...\npartitioned roll out complete: 3 new pods have been updated...\n',
    );
    expect((await session.exec('kubectl get pods -o name')).output).toBe('pod/web-0\npod/web-1\npod/web-2\n');
  });

  it('reports a cancelled edit when the editor saves no change ($KUBE_EDITOR=nano)', async () => {
    await webRunning();
    await session.exec('export KUBE_EDITOR=nano');
    expect((await session.exec('kubectl edit sts web')).output.split('\n')[0]).toMatch(/^  GNU nano 7\.2 +\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(await session.exec('\x18')).toEqual({ output: 'Edit cancelled, no changes made.\n', exitCode: 0, running: false, prompt: '$ ' });
  });

  it('still fails like kubectl when the editor is not installed', async () => {
    await webRunning();
    expect(await session.exec('KUBE_EDITOR=emacs kubectl edit sts web')).toEqual({ output: 'error: unable to launch the editor "emacs"\n', exitCode: 1, running: false, prompt: '$ ' });
  });
});
