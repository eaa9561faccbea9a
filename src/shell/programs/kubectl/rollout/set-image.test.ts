import { describe, expect, it } from 'vitest';
import type { Json } from '../printers/types';
import { run } from '../testing/harness';
import { controllerFreeLab, statefulSet, STS } from './test-lab';

async function lab() {
  const l = controllerFreeLab();
  await l.cluster.client.create(STS, statefulSet('web'));
  return l;
}

const image = async (l: Awaited<ReturnType<typeof lab>>) => ((await l.cluster.client.get(STS, 'default', 'web')) as Json).spec.template.spec.containers[0].image;

describe('kubectl set image', () => {
  it('patches the container image and says so', async () => {
    const l = await lab();
    expect(await run(l, 'kubectl set image sts/web nginx=nginx:1.25')).toEqual({ stdout: 'statefulset.apps/web image updated\n', stderr: '', code: 0 });
    expect(await image(l)).toBe('nginx:1.25');
  });

  it('prints nothing when the image is already set', async () => {
    const l = await lab();
    await run(l, 'kubectl set image statefulset web nginx=nginx:1.25');
    expect(await run(l, 'kubectl set image statefulset web nginx=nginx:1.25')).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('updates every container with *', async () => {
    const l = await lab();
    expect((await run(l, "kubectl set image sts/web '*=nginx:1.26'")).stdout).toBe('statefulset.apps/web image updated\n');
    expect(await image(l)).toBe('nginx:1.26');
  });

  it('names a container that does not exist', async () => {
    const l = await lab();
    expect(await run(l, 'kubectl set image sts/web nginxx=nginx:1.25')).toEqual({ stdout: '', stderr: 'error: unable to find container named "nginxx"\n', code: 1 });
  });

  it('requires resources before image changes', async () => {
    const r = await run(await lab(), 'kubectl set image nginx=nginx:1.25 sts/web');
    expect(r.stderr).toBe('error: all resources must be specified before image changes: sts/web\n');
  });

  it('requires at least one image', async () => {
    expect((await run(await lab(), 'kubectl set image sts/web')).stderr).toBe('error: at least one image update is required\n');
  });

  it('does not change anything with --dry-run=client', async () => {
    const l = await lab();
    expect((await run(l, 'kubectl set image sts/web nginx=nginx:1.25 --dry-run=client')).stdout).toBe('statefulset.apps/web image updated (dry run)\n');
    expect(await image(l)).toBe('registry.k8s.io/nginx-slim:0.24');
  });
});
