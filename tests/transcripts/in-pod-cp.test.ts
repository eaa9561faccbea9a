import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../src/headless';

const WEB = readFileSync(join(__dirname, 'fixtures/web.yaml'), 'utf8');

let session: Session;
afterEach(() => session?.close());

async function start(): Promise<void> {
  session = createSession({ seed: 3, files: { 'web.yaml': WEB, 'page.html': '<h1>copied</h1>\n' } });
  await session.exec('kubectl apply -f web.yaml');
  await session.advance(30_000);
}

describe('kubectl cp', () => {
  it('copies a local file into a pod’s directory, keeping its name', async () => {
    await start();
    expect(await session.exec('kubectl cp page.html web-0:/usr/share/nginx/html')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('kubectl exec web-0 -- cat /usr/share/nginx/html/page.html')).output).toBe('<h1>copied</h1>\n');
  });

  it('copies a file out of a pod, with GNU tar’s note about the leading slash', async () => {
    await start();
    await session.exec("kubectl exec web-0 -- sh -c 'echo from-pod > /usr/share/nginx/html/index.html'");
    expect(await session.exec('kubectl cp web-0:/usr/share/nginx/html/index.html out.html')).toMatchObject({ output: "tar: Removing leading `/' from member names\n", exitCode: 0 });
    expect((await session.exec('cat out.html')).output).toBe('from-pod\n');
  });

  it('copies a directory out of a pod in a namespace/pod spec', async () => {
    await start();
    await session.exec("kubectl exec web-1 -- sh -c 'mkdir -p /usr/share/nginx/html/d && echo a > /usr/share/nginx/html/d/a'");
    expect((await session.exec('kubectl cp default/web-1:/usr/share/nginx/html/d saved')).exitCode).toBe(0);
    expect((await session.exec('cat saved/a')).output).toBe('a\n');
  });

  it('reports what tar and kubectl report when a side is missing or the spec is wrong', async () => {
    await start();
    expect(await session.exec('kubectl cp web-0:/nope x')).toMatchObject({
      output: "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\ncommand terminated with exit code 2\n",
      exitCode: 2,
    });
    expect(await session.exec('kubectl cp nope.txt web-0:/tmp')).toMatchObject({ output: "error: nope.txt doesn't exist in local filesystem\n", exitCode: 1 });
    expect(await session.exec('kubectl cp a b')).toMatchObject({ output: 'error: one of src or dest must be a remote file specification\n', exitCode: 1 });
    expect(await session.exec('kubectl cp web-0:/a web-1:/b')).toMatchObject({ output: 'error: one of src or dest must be a local file specification\n', exitCode: 1 });
    expect(await session.exec('kubectl cp :/a b')).toMatchObject({ output: 'error: filespec must match the canonical format: [[namespace/]pod:]file/path\n', exitCode: 1 });
    expect(await session.exec('kubectl cp page.html web-0:/no/such/dir/x')).toMatchObject({
      output: 'tar: /no/such/dir: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2\n',
      exitCode: 2,
    });
  });
});
