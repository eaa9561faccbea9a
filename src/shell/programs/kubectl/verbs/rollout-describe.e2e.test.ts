import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { WEB_YAML as WEB } from './mutate-session.testkit';


describe('describe and rollout in a headless session (seed transcripts)', () => {
  it('shows the claim of a pod, then rolls an image update forward and back', async () => {
    const s = await createSession({ files: { 'web.yaml': WEB } });
    const exec = async (line: string) => {
      const r = await s.exec(line, { waitMs: 120_000 });
      return { output: r.output, exitCode: r.exitCode };
    };
    await exec('kubectl apply -f web.yaml');
    expect((await exec('kubectl rollout status sts/web')).output.split('\n').slice(-2)).toEqual(['partitioned roll out complete: 2 new pods have been updated...', '']);
    expect(await exec('kubectl describe pod web-1 | grep ClaimName')).toEqual({ output: '    ClaimName:  www-web-1\n', exitCode: 0 });
    expect(await exec('kubectl set image sts/web nginx=nginx:1.25')).toEqual({ output: 'statefulset.apps/web image updated\n', exitCode: 0 });
    await exec('kubectl rollout status sts/web');
    expect((await exec('kubectl rollout history sts/web')).output).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(await exec('kubectl rollout undo sts/web')).toEqual({ output: 'statefulset.apps/web rolled back\n', exitCode: 0 });
    await exec('kubectl rollout status sts/web');
    expect((await exec('kubectl rollout history sts/web')).output).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect((await exec('kubectl describe sts web | grep Image')).output).toBe('    Image:        registry.k8s.io/nginx-slim:0.24\n');
    expect(await exec('kubectl rollout pause sts/web')).toEqual({ output: 'error: statefulsets.apps "web" pausing is not supported\n', exitCode: 1 });
    s.close();
  });

  it('prints the server error for a missing object', async () => {
    const s = await createSession();
    expect(await s.exec('kubectl describe pod web-9')).toMatchObject({ output: 'Error from server (NotFound): pods "web-9" not found\n', exitCode: 1 });
    expect(await s.exec('kubectl describe pods')).toMatchObject({ output: 'No resources found in default namespace.\n', exitCode: 0 });
    s.close();
  });
});
