import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../headless';
import { clusterCapabilities, searchCandidates } from './cluster-capabilities';
import { dnsResolves } from './dns-resolves';
import { fileContains } from './file-contains';
import type { CheckContext, DnsResolvesCheck, FileContainsCheck } from './types';

const WEB = readFileSync(join(__dirname, '../../../lessons/04-stable-storage/files/web.yaml'), 'utf8');

let session: Session;
afterEach(() => session?.close());

async function webSet(replicas = 2): Promise<CheckContext> {
  session = createSession({ seed: 5, files: { 'web.yaml': WEB } });
  await session.exec('kubectl apply -f web.yaml');
  await session.exec(`kubectl scale sts web --replicas=${replicas}`);
  await session.advance(60_000);
  const client = session.lab.cluster.client;
  return { client, namespace: () => 'default', commands: () => [], ...clusterCapabilities(client) };
}

async function podIP(ctx: CheckContext, pod: string): Promise<string> {
  const object = await ctx.client.get({ group: '', version: 'v1', resource: 'pods' }, 'default', pod);
  return (object.status as { podIP: string }).podIP;
}

const fileCheck = (text: string, pod = 'web-1'): FileContainsCheck => ({ kind: 'fileContains', pod, path: '/usr/share/nginx/html/index.html', text });
const dnsCheck = (host: string, pod: string): DnsResolvesCheck => ({ kind: 'dnsResolves', host, pod });

describe('in-pod check capabilities from the cluster client', () => {
  it('tries the search list of a pod in the namespace before the bare name, and a name with 5 dots first', () => {
    expect(searchCandidates('web-0.nginx', 'shop')).toEqual([
      'web-0.nginx.shop.svc.cluster.local',
      'web-0.nginx.svc.cluster.local',
      'web-0.nginx.cluster.local',
      'web-0.nginx',
    ]);
    expect(searchCandidates('web-0.nginx.default.svc.cluster.local.', 'shop')).toEqual(['web-0.nginx.default.svc.cluster.local']);
  });

  it('fileContains reads a file written with kubectl exec, and fails with the reason when it is missing', async () => {
    const ctx = await webSet();
    expect(await fileContains.evaluate(fileCheck('hello'), ctx, undefined)).toEqual({
      passed: false,
      detail: '/usr/share/nginx/html/index.html in pod web-1 cannot be read: No such file or directory',
    });
    expect((await session.exec("kubectl exec web-1 -- sh -c 'echo hello there > /usr/share/nginx/html/index.html'")).exitCode).toBe(0);
    expect(await fileContains.evaluate(fileCheck('hello'), ctx, undefined)).toEqual({
      passed: true,
      detail: '/usr/share/nginx/html/index.html in pod web-1 contains "hello"',
    });
    expect((await fileContains.evaluate(fileCheck('goodbye'), ctx, undefined)).passed).toBe(false);
    expect((await fileContains.evaluate(fileCheck('hello', 'web-0'), ctx, undefined)).passed).toBe(false);
  });

  it('fileContains fails for a pod that does not exist', async () => {
    const ctx = await webSet();
    expect(await fileContains.evaluate(fileCheck('x', 'web-7'), ctx, undefined)).toEqual({
      passed: false,
      detail: '/usr/share/nginx/html/index.html in pod web-7 cannot be read: pods "web-7" not found',
    });
  });

  it('dnsResolves answers a per-pod name with the pod\'s current IP, and not another pod\'s', async () => {
    const ctx = await webSet();
    const ip0 = { podIP: await podIP(ctx, 'web-0') };
    expect(await dnsResolves.evaluate(dnsCheck('web-0.nginx', 'web-0'), ctx, undefined)).toEqual({ passed: true, detail: `web-0.nginx resolves to ${ip0.podIP}` });
    expect((await dnsResolves.evaluate(dnsCheck('web-0.nginx', 'web-1'), ctx, undefined)).passed).toBe(false);
    expect(await dnsResolves.evaluate(dnsCheck('web-5.nginx', 'web-0'), ctx, undefined)).toEqual({ passed: false, detail: `web-5.nginx resolves to nothing, not ${ip0.podIP}` });
  });

  it('dnsResolves follows a recreated pod to its new IP', async () => {
    const ctx = await webSet();
    const before = await podIP(ctx, 'web-0');
    await session.exec('kubectl delete pod web-0');
    await session.advance(60_000);
    const ip = await podIP(ctx, 'web-0');
    expect(ip).not.toBe(before);
    expect(await dnsResolves.evaluate(dnsCheck('web-0.nginx.default.svc.cluster.local', 'web-0'), ctx, undefined)).toEqual({
      passed: true,
      detail: `web-0.nginx.default.svc.cluster.local resolves to ${ip}`,
    });
  });
});
