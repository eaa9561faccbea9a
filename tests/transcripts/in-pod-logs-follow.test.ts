import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../src/headless';

const WEB = readFileSync(join(__dirname, 'fixtures/web.yaml'), 'utf8');

let session: Session;
afterEach(() => session?.close());

describe('kubectl logs -f', () => {
  it('keeps printing the lines the container writes until Ctrl-C', async () => {
    session = createSession({ seed: 3, files: { 'web.yaml': WEB } });
    await session.exec('kubectl apply -f web.yaml');
    await session.advance(30_000);
    const before = (await session.exec('kubectl logs web-0')).output;
    const follower = session.openTerminal();
    expect(await follower.exec('kubectl logs -f web-0', { waitMs: 2_000 })).toEqual({ output: before, exitCode: 0, running: true, prompt: '' });
    await session.exec('kubectl exec web-1 -- curl -s web-0.nginx');
    await session.advance(2_000);
    expect(await follower.read()).toBe(
      '2026/01/01 00:00:32 [error] 29#29: *1 directory index of "/usr/share/nginx/html/" is forbidden, client: 10.244.1.2, server: localhost, request: "GET / HTTP/1.1", host: "web-0.nginx"\n' +
        '10.244.1.2 - - [01/Jan/2026:00:00:32 +0000] "GET / HTTP/1.1" 403 153 "-" "curl/7.88.1" "-"\n',
    );
    expect(await follower.interrupt()).toBe('^C\n');
  });
});
