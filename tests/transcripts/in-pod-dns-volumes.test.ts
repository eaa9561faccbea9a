import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../src/headless';
import { replayWithPrompts } from './in-pod-replay';

const WEB = readFileSync(join(__dirname, 'fixtures/web.yaml'), 'utf8');

let session: Session;
afterEach(() => session?.close());

async function start(): Promise<void> {
  session = createSession({ seed: 3, files: { 'web.yaml': WEB } });
  await replayWithPrompts(session, ['kubectl apply -f web.yaml', 'kubectl get pods -w -l app=nginx']);
}

const podIP = async (name: string) => (await session.exec(`kubectl get pod ${name} -o jsonpath={.status.podIP}`)).output;
const answer = async (name: string) => (await session.lab.cluster.dns!.query({ name, type: 'A' })).answers.map((r) => (r.type === 'A' ? r.address : '')).sort();

describe('cluster DNS tracks the pods', () => {
  it('answers a recreated pod’s name with its new IP', async () => {
    await start();
    const before = await podIP('web-0');
    expect(await answer('web-0.nginx.default.svc.cluster.local')).toEqual([before]);
    await session.exec('kubectl delete pod web-0');
    await session.exec('kubectl get pods -w -l app=nginx', { waitMs: 20_000 });
    await session.interrupt();
    const after = await podIP('web-0');
    expect(after).not.toBe(before);
    expect(await answer('web-0.nginx.default.svc.cluster.local')).toEqual([after]);
  });

  it('shrinks the headless Service’s answer on scale-down and drops the removed pod’s name', async () => {
    await start();
    expect((await answer('nginx.default.svc.cluster.local')).length).toBe(2);
    await session.lab.cluster.client.patch({ group: 'apps', version: 'v1', resource: 'statefulsets' }, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    await session.advance(20_000);
    expect(await answer('nginx.default.svc.cluster.local')).toEqual([await podIP('web-0')]);
    expect(session.lab.cluster.dns!.query({ name: 'web-1.nginx.default.svc.cluster.local', type: 'A' }).rcode).toBe('NXDOMAIN');
  });
});

describe('volume files', () => {
  it('survive scale-down, scale-up and StatefulSet deletion, and go when the PV is deleted', async () => {
    await start();
    await session.exec("kubectl exec web-1 -- sh -c 'echo kept > /usr/share/nginx/html/note.txt'");
    await session.lab.cluster.client.patch({ group: 'apps', version: 'v1', resource: 'statefulsets' }, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    await session.advance(20_000);
    await session.lab.cluster.client.patch({ group: 'apps', version: 'v1', resource: 'statefulsets' }, 'default', 'web', 'merge', { spec: { replicas: 2 } });
    await session.advance(20_000);
    expect(await session.exec('kubectl exec web-1 -- cat /usr/share/nginx/html/note.txt')).toMatchObject({ output: 'kept\n', exitCode: 0 });
    await session.exec('kubectl delete sts web');
    await session.advance(20_000);
    await session.exec('kubectl apply -f web.yaml');
    await session.advance(30_000);
    expect(await session.exec('kubectl exec web-1 -- cat /usr/share/nginx/html/note.txt')).toMatchObject({ output: 'kept\n', exitCode: 0 });
    const pv = (await session.exec('kubectl get pvc www-web-1 -o jsonpath={.spec.volumeName}')).output;
    expect(session.lab.cluster.volumes!.list()).toContain(pv);
    await session.exec('kubectl delete sts web');
    await session.advance(20_000);
    await session.exec('kubectl delete pvc www-web-1');
    await session.advance(20_000);
    expect(session.lab.cluster.volumes!.list()).not.toContain(pv);
  });
});
