import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../src/headless';

const WEB = readFileSync(join(__dirname, 'fixtures/web.yaml'), 'utf8');

let session: Session;
beforeAll(async () => {
  session = createSession({ seed: 3, files: { 'web.yaml': WEB } });
  await session.exec('kubectl apply -f web.yaml');
  await session.advance(30_000);
  await session.exec('kubectl run dns --image=nicolaka/netshoot --restart=Never -- sleep 3600');
  await session.advance(30_000);
});
afterAll(() => session.close());

const inPod = (line: string) => session.exec(`kubectl exec dns -- ${line}`);

describe('dig (BIND 9.18) in netshoot', () => {
  it('prints an authoritative cluster answer with dig’s columns and sizes', async () => {
    expect(await inPod('dig web-0.nginx.default.svc.cluster.local')).toMatchObject({
      exitCode: 0,
      output: `
; <<>> DiG 9.18.27 <<>> web-0.nginx.default.svc.cluster.local
;; global options: +cmd
;; Got answer:
;; WARNING: .local is reserved for Multicast DNS
;; You are currently testing what happens when an mDNS query is leaked to DNS
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 6210
;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; COOKIE: 9e88535ae5ed6a9e (echoed)
;; QUESTION SECTION:
;web-0.nginx.default.svc.cluster.local.\tIN A

;; ANSWER SECTION:
web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.2.2

;; Query time: 0 msec
;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
;; WHEN: Thu Jan 01 00:01:00 UTC 2026
;; MSG SIZE  rcvd: 131

`,
    });
  });

  it('answers NXDOMAIN with the cluster zone’s SOA', async () => {
    const { output } = await inPod('dig web-5.nginx.default.svc.cluster.local');
    expect(output.split('\n').slice(6, 17)).toEqual([
      ';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 27627',
      ';; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1',
      ';; WARNING: recursion requested but not available',
      '',
      ';; OPT PSEUDOSECTION:',
      '; EDNS: version: 0, flags:; udp: 1232',
      '; COOKIE: 264e3057a23f1fd6 (echoed)',
      ';; QUESTION SECTION:',
      ';web-5.nginx.default.svc.cluster.local.\tIN A',
      '',
      ';; AUTHORITY SECTION:',
    ]);
    expect(output.split('\n')[17]).toBe('cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1767225660 7200 1800 86400 30');
  });

  it('prints only the data with +short, and SRV records with their A records as additional', async () => {
    expect((await inPod('dig +short nginx.default.svc.cluster.local')).output).toBe('10.244.1.2\n10.244.2.2\n');
    const { output } = await inPod('dig SRV _web._tcp.nginx.default.svc.cluster.local');
    expect(output.split('\n').filter((l) => / IN /.test(l) || l.startsWith(';; MSG'))).toEqual([
      ';_web._tcp.nginx.default.svc.cluster.local. IN SRV',
      '_web._tcp.nginx.default.svc.cluster.local. 30 IN SRV 0 50 80 web-1.nginx.default.svc.cluster.local.',
      '_web._tcp.nginx.default.svc.cluster.local. 30 IN SRV 0 50 80 web-0.nginx.default.svc.cluster.local.',
      'web-1.nginx.default.svc.cluster.local. 30 IN A\t10.244.1.2',
      'web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.2.2',
      ';; MSG SIZE  rcvd: 384',
    ]);
  });

  it('shows only the parts +noall turns back on', async () => {
    expect((await inPod('dig +noall +answer nginx.default.svc.cluster.local')).output).toBe(
      'nginx.default.svc.cluster.local. 30 IN\tA\t10.244.1.2\nnginx.default.svc.cluster.local. 30 IN\tA\t10.244.2.2\n',
    );
    expect((await inPod('dig +noall +answer +stats web-0.nginx.default.svc.cluster.local')).output).toBe(
      'web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.2.2\n;; Query time: 0 msec\n;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n;; WHEN: Thu Jan 01 00:01:00 UTC 2026\n;; MSG SIZE  rcvd: 131\n\n',
    );
  });

  it('does not apply the search list unless +search', async () => {
    expect((await inPod('dig +short web-0.nginx')).output).toBe('');
    expect((await inPod('dig +short +search web-0.nginx')).output).toBe('10.244.2.2\n');
  });
});

describe('dig (BIND 9.9) in jessie-dnsutils', () => {
  it('prints the older release’s reply: no cookie, a 4096-byte EDNS buffer, no transport', async () => {
    await session.exec('kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 --restart=Never -- sleep 3600');
    await session.advance(30_000);
    const { output } = await session.exec('kubectl exec dnsutils -- dig kube-dns.kube-system.svc.cluster.local');
    expect(output.split('\n').filter((l) => /DiG|EDNS|COOKIE|SERVER|MSG SIZE| IN /.test(l))).toEqual([
      '; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> kube-dns.kube-system.svc.cluster.local',
      '; EDNS: version: 0, flags:; udp: 4096',
      ';kube-dns.kube-system.svc.cluster.local. IN A',
      'kube-dns.kube-system.svc.cluster.local.\t30 IN A\t10.96.0.10',
      ';; SERVER: 10.96.0.10#53(10.96.0.10)',
      ';; MSG SIZE  rcvd: 121',
    ]);
  });
});

describe('host (BIND 9.18) in netshoot', () => {
  it('resolves over the search list, reverses an address, and lists SRV records', async () => {
    expect(await inPod('host web-0.nginx')).toMatchObject({ output: 'web-0.nginx.default.svc.cluster.local has address 10.244.2.2\n', exitCode: 0 });
    expect(await inPod('host 10.96.0.10')).toMatchObject({ output: '10.0.96.10.in-addr.arpa domain name pointer kube-dns.kube-system.svc.cluster.local.\n', exitCode: 0 });
    expect((await inPod('host -t SRV _web._tcp.nginx')).output).toBe(
      '_web._tcp.nginx.default.svc.cluster.local has SRV record 0 50 80 web-1.nginx.default.svc.cluster.local.\n_web._tcp.nginx.default.svc.cluster.local has SRV record 0 50 80 web-0.nginx.default.svc.cluster.local.\n',
    );
  });

  it('reports an unknown name as NXDOMAIN and fails', async () => {
    expect(await inPod('host web-7.nginx')).toMatchObject({ output: 'Host web-7.nginx not found: 3(NXDOMAIN)\ncommand terminated with exit code 1\n', exitCode: 1 });
  });

  it('is missing from images that do not ship it', async () => {
    await session.exec('kubectl run bb --image=busybox:1.28 --restart=Never -- sleep 3600');
    await session.advance(30_000);
    expect(await session.exec('kubectl exec bb -- sh -c dig')).toMatchObject({ output: 'sh: dig: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
  });
});
