import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';

let session: Session;
afterEach(() => session?.close());

const web = readFileSync(new URL('./fixtures/web.yaml', import.meta.url), 'utf8');

describe('kubectl run -i with a command attaches to that command', () => {
  it('prints a one-shot nslookup and deletes the pod with --rm', async () => {
    session = createSession({ seed: 1, files: { 'web.yaml': web } });
    await session.exec('kubectl apply -f web.yaml');
    await session.exec('kubectl rollout status sts/web', { waitMs: 60_000 });
    const ip = (await session.exec('kubectl get pod web-0 -o jsonpath={.status.podIP}')).output;
    const r = await session.exec('kubectl run -i --tty --rm dns-test --image=busybox:1.28 --restart=Never -- nslookup web-0.nginx');
    expect(r).toEqual({
      output: `If you don't see a command prompt, try pressing enter.
Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

Name:      web-0.nginx
Address 1: ${ip} web-0.nginx.default.svc.cluster.local
pod "dns-test" deleted
`,
      exitCode: 0,
      running: false,
      prompt: '$ ',
    });
  });

  it("reports a failed pod as kubectl run does and passes on the command's exit status", async () => {
    session = createSession({ seed: 2 });
    const r = await session.exec('kubectl run -it --rm probe --image=busybox:1.36 --restart=Never -- sh -c "hostname; exit 3"');
    expect(r.output).toBe(`If you don't see a command prompt, try pressing enter.\nprobe\npod "probe" deleted\npod default/probe terminated (Error)\n`);
    expect(r.exitCode).toBe(3);
  });
});
