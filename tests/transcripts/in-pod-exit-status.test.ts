import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../src/headless';

const WEB = readFileSync(join(__dirname, 'fixtures/web.yaml'), 'utf8');

let session: Session;
afterEach(() => session?.close());

describe('exit status of a line typed in a pod shell', () => {
  it('is the pod command’s status, not the workstation shell’s', async () => {
    session = createSession({ seed: 3, files: { 'web.yaml': WEB } });
    await session.exec('kubectl apply -f web.yaml');
    await session.advance(30_000);
    expect(await session.exec('kubectl exec -it web-0 -- sh')).toEqual({ output: '', exitCode: 0, running: false, prompt: 'root@web-0:/# ' });
    expect(await session.exec('cat /nope')).toEqual({ output: 'cat: /nope: No such file or directory\n', exitCode: 1, running: false, prompt: 'root@web-0:/# ' });
    expect(await session.exec('sh -c "exit 3"')).toMatchObject({ exitCode: 3, prompt: 'root@web-0:/# ' });
    expect(await session.exec('true')).toMatchObject({ exitCode: 0, prompt: 'root@web-0:/# ' });
    expect(await session.exec('false')).toMatchObject({ exitCode: 1, prompt: 'root@web-0:/# ' });
    expect(await session.exec('exit 4')).toEqual({ output: 'command terminated with exit code 4\n', exitCode: 4, running: false, prompt: '$ ' });
  });
});

describe('exec of a program the shell also has as a builtin', () => {
  it('runs echo, true and false given directly to kubectl exec, as /bin holds them in every image with a userland', async () => {
    session = createSession({ seed: 3 });
    await session.exec('kubectl run box --image=busybox:1.36 -- sleep 3600');
    await session.advance(10_000);
    expect(await session.exec('kubectl exec box -- echo ready')).toMatchObject({ output: 'ready\n', exitCode: 0 });
    expect(await session.exec('kubectl exec box -- /bin/true')).toMatchObject({ output: '', exitCode: 0 });
    expect(await session.exec('kubectl exec box -- false')).toMatchObject({ output: 'command terminated with exit code 1\n', exitCode: 1 });
    expect(await session.exec('kubectl run -i once --image=busybox:1.36 --restart=Never -- echo hello')).toMatchObject({ output: 'hello\n', exitCode: 0 });
  });
});

describe('files in a container', () => {
  it('belong to root, as the container runs its processes as root', async () => {
    session = createSession({ seed: 3 });
    await session.exec('kubectl run site --image=nginx:1.27');
    await session.advance(10_000);
    expect(await session.exec("kubectl exec site -- sh -c 'touch /tmp/note; ls -l /tmp'")).toMatchObject({
      output: 'total 0\n-rw-r--r-- 1 root root 0 Jan  1 00:00 note\n',
      exitCode: 0,
    });
  });
});
