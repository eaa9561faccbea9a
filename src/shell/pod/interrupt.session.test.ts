import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../headless';

const BUSYBOX_WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: box
        image: busybox
        command: ["sleep", "3600"]
`;

let session: Session;
afterEach(() => session.close());

describe('Ctrl-C in a shell inside a pod', () => {
  it('stops only the command the pod shell runs and comes back to the pod prompt', async () => {
    session = createSession({ files: { 'web.yaml': BUSYBOX_WEB } });
    await session.exec('kubectl apply -f web.yaml');
    await session.exec('kubectl rollout status sts web', { waitMs: 60_000 });
    expect(await session.exec('kubectl exec -it web-0 -- sh')).toEqual({ output: '', exitCode: 0, running: false, prompt: '/ # ' });
    const ping = await session.exec('ping web-1.nginx', { waitMs: 2_500 });
    expect(ping.running).toBe(true);
    expect(ping.output.split('\n').map((l) => l.replace(/time=[\d.]+ ms/, 'time=T ms'))).toEqual([
      expect.stringMatching(/^PING web-1\.nginx \([\d.]+\): 56 data bytes$/),
      expect.stringMatching(/^64 bytes from [\d.]+: seq=0 ttl=64 time=T ms$/),
      expect.stringMatching(/^64 bytes from [\d.]+: seq=1 ttl=64 time=T ms$/),
      expect.stringMatching(/^64 bytes from [\d.]+: seq=2 ttl=64 time=T ms$/),
      '',
    ]);
    expect(await session.interrupt()).toBe('^C\n');
    expect(await session.exec('echo $?')).toEqual({ output: '130\n', exitCode: 0, running: false, prompt: '/ # ' });
    expect(await session.exec('hostname')).toEqual({ output: 'web-0\n', exitCode: 0, running: false, prompt: '/ # ' });
    expect(await session.exec('exit')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
  });

  it('still ends a command run by kubectl exec without a shell', async () => {
    session = createSession({ files: { 'web.yaml': BUSYBOX_WEB } });
    await session.exec('kubectl apply -f web.yaml');
    await session.exec('kubectl rollout status sts web', { waitMs: 60_000 });
    expect((await session.exec('kubectl exec -it web-0 -- sleep 100', { waitMs: 1_000 })).running).toBe(true);
    expect(await session.interrupt()).toBe('^C\n');
    expect(await session.exec('echo $?')).toEqual({ output: '130\n', exitCode: 0, running: false, prompt: '$ ' });
  });
});
