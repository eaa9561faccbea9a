import { describe, expect, it } from 'vitest';
import type { Json } from '../printers/types';
import { run, settle } from '../testing/harness';
import { controllerFreeLab, nginxTemplate, recordRevision, setStatus, statefulSet, STS } from './test-lab';

async function labWithHistory() {
  const lab = controllerFreeLab();
  const client = lab.cluster.client;
  const v1 = await client.create(STS, statefulSet('web'));
  await recordRevision(lab, v1, 1, '6c5d9f6b8');
  const v2 = await client.patch(STS, 'default', 'web', 'strategic', { spec: { template: nginxTemplate('nginx:1.25') } });
  await recordRevision(lab, v2, 2, '7f9b4c5d6');
  return lab;
}

const template = async (lab: Awaited<ReturnType<typeof labWithHistory>>) =>
  ((await lab.cluster.client.get(STS, 'default', 'web')) as Json).spec.template;

describe('kubectl rollout history', () => {
  it('lists the revisions with a trailing space on the name line and a final blank line', async () => {
    const r = await run(await labWithHistory(), 'kubectl rollout history statefulset/web');
    expect(r).toEqual({ stdout: 'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n', stderr: '', code: 0 });
  });

  it('prints one revision as a pod template with raw tabs', async () => {
    const r = await run(await labWithHistory(), 'kubectl rollout history sts web --revision=1');
    expect(r.stdout).toBe(
      'statefulset.apps/web with revision #1\n' +
        'Pod Template:\n  Labels:\tapp=nginx\n  Containers:\n   nginx:\n    Image:\tregistry.k8s.io/nginx-slim:0.24\n' +
        '    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\t<none>\n    Mounts:\n      /usr/share/nginx/html from www (rw)\n' +
        '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
  });

  it('fails for a revision that does not exist', async () => {
    const r = await run(await labWithHistory(), 'kubectl rollout history sts/web --revision=7');
    expect(r).toEqual({ stdout: '', stderr: 'error: unable to find the specified revision\n', code: 1 });
  });

  it('says when there is no history', async () => {
    const lab = controllerFreeLab();
    await lab.cluster.client.create(STS, statefulSet('web'));
    expect((await run(lab, 'kubectl rollout history sts/web')).stdout).toBe('statefulset.apps/web \nNo rollout history found.\n');
  });

  it('reports a missing set as the server does', async () => {
    const r = await run(controllerFreeLab(), 'kubectl rollout history sts/web');
    expect(r).toEqual({ stdout: '', stderr: 'Error from server (NotFound): statefulsets.apps "web" not found\n', code: 1 });
  });
});

describe('kubectl rollout undo', () => {
  it('patches the template back to the previous revision', async () => {
    const lab = await labWithHistory();
    const r = await run(lab, 'kubectl rollout undo sts/web');
    expect(r).toEqual({ stdout: 'statefulset.apps/web rolled back\n', stderr: '', code: 0 });
    expect((await template(lab)).spec.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.24');
  });

  it('skips when the template already matches the revision', async () => {
    const r = await run(await labWithHistory(), 'kubectl rollout undo sts/web --to-revision=2');
    expect(r.stdout).toBe('statefulset.apps/web skipped rollback (current template already matches revision 2)\n');
  });

  it('needs an earlier revision', async () => {
    const lab = controllerFreeLab();
    const set = await lab.cluster.client.create(STS, statefulSet('web'));
    await recordRevision(lab, set, 1, '6c5d9f6b8');
    expect(await run(lab, 'kubectl rollout undo sts/web')).toEqual({ stdout: '', stderr: 'error: no last revision to roll back to\n', code: 1 });
  });

  it('rejects an unknown --to-revision', async () => {
    const r = await run(await labWithHistory(), 'kubectl rollout undo sts/web --to-revision=7');
    expect(r).toEqual({ stdout: '', stderr: 'error: unable to find specified revision 7 in history\n', code: 1 });
  });
});

describe('kubectl rollout restart, pause, resume', () => {
  it('stamps restartedAt into the template', async () => {
    const lab = await labWithHistory();
    const r = await run(lab, 'kubectl rollout restart sts/web');
    expect(r.stdout).toBe('statefulset.apps/web restarted\n');
    expect((await template(lab)).metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' });
  });

  it('refuses a second restart within the same second', async () => {
    const lab = await labWithHistory();
    await run(lab, 'kubectl rollout restart sts/web');
    expect((await run(lab, 'kubectl rollout restart sts/web')).stderr).toBe(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
  });

  it('does not pause or resume a StatefulSet', async () => {
    const lab = await labWithHistory();
    expect(await run(lab, 'kubectl rollout pause statefulset/web')).toEqual({ stdout: '', stderr: 'error: statefulsets.apps "web" pausing is not supported\n', code: 1 });
    expect((await run(lab, 'kubectl rollout resume sts web')).stderr).toBe('error: statefulsets.apps "web" resuming is not supported\n');
  });
});

describe('kubectl rollout status', () => {
  it('prints one line with --watch=false', async () => {
    const lab = await labWithHistory();
    await setStatus(lab, 'web', { observedGeneration: 2, replicas: 3, readyReplicas: 1 });
    expect(await run(lab, 'kubectl rollout status sts/web --watch=false')).toEqual({ stdout: 'Waiting for 2 pods to be ready...\n', stderr: '', code: 0 });
  });

  it('watches until the partitioned roll out completes', async () => {
    const lab = await labWithHistory();
    await setStatus(lab, 'web', { observedGeneration: 2, replicas: 3, readyReplicas: 2, updatedReplicas: 1 });
    const r = await run(lab, 'kubectl rollout status sts/web', {
      during: async () => {
        await settle();
        await setStatus(lab, 'web', { observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 2 });
        await settle();
        await setStatus(lab, 'web', { observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 3 });
      },
    });
    expect(r.stdout).toBe(
      'Waiting for 1 pods to be ready...\n' +
        'Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...\n' +
        'partitioned roll out complete: 3 new pods have been updated...\n',
    );
  });

  it('gives up after --timeout', async () => {
    const lab = await labWithHistory();
    await setStatus(lab, 'web', { observedGeneration: 2, replicas: 3, readyReplicas: 0 });
    const r = await run(lab, 'kubectl rollout status sts/web --timeout=10s', {
      during: async () => {
        await settle();
        lab.clock.advance(10_000);
      },
    });
    expect(r).toEqual({ stdout: 'Waiting for 3 pods to be ready...\n', stderr: 'error: timed out waiting for the condition\n', code: 1 });
  });

  it('rejects OnDelete sets', async () => {
    const lab = controllerFreeLab();
    await lab.cluster.client.create(STS, statefulSet('web', { updateStrategy: { type: 'OnDelete' } }));
    expect((await run(lab, 'kubectl rollout status sts/web')).stderr).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
  });

  it('rejects a bad --timeout as pflag does, before looking at the arguments', async () => {
    expect(await run(controllerFreeLab(), 'kubectl rollout status --timeout=soon')).toEqual({
      stdout: '',
      stderr: `error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee 'kubectl rollout status --help' for usage.\n`,
      code: 1,
    });
  });
});
