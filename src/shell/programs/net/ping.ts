/** ping as busybox's applet and iputils print it; replies come from pods and nodes that are up. */
import type { Program, ProgramIO } from '../../program';
import { resolveHost, reverseName } from './resolver';

interface PingArgs {
  host?: string;
  count?: number;
  error?: string;
}

function parse(argv: string[]): PingArgs {
  const out: PingArgs = {};
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c') out.count = Number(argv[++i]);
    else if (a.startsWith('-c')) out.count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (!a.startsWith('-')) out.host = a;
  }
  if (out.count !== undefined && !(out.count > 0)) out.error = 'invalid count';
  return out;
}

/** Whether anything answers ICMP at ip: a running pod, or a node. */
async function alive(io: ProgramIO, ip: string): Promise<boolean> {
  const pods = await io.ctx.client.list({ group: '', version: 'v1', resource: 'pods' });
  if (pods.items.some((p) => (p.status as { podIP?: string; phase?: string })?.podIP === ip && (p.status as { phase?: string }).phase === 'Running')) return true;
  const nodes = await io.ctx.client.list({ group: '', version: 'v1', resource: 'nodes' });
  return nodes.items.some((n) => ((n.status as { addresses?: Array<{ address: string }> })?.addresses ?? []).some((a) => a.address === ip));
}

/** A stable round-trip time in ms for one echo (no randomness in simulated replies). */
function rtt(ip: string, seq: number): number {
  let h = seq * 2654435761;
  for (const ch of ip) h = (h ^ ch.charCodeAt(0)) * 16777619;
  return 0.04 + ((h >>> 0) % 90) / 1000;
}

const f3 = (n: number) => n.toFixed(3);

async function run(io: ProgramIO, style: 'busybox' | 'iputils'): Promise<number> {
  const args = parse(io.argv);
  if (!args.host) {
    io.stderr.write(style === 'busybox' ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n');
    return style === 'busybox' ? 1 : 2;
  }
  const resolved = await resolveHost(io, args.host);
  if (!resolved) {
    io.stderr.write(style === 'busybox' ? `ping: bad address '${args.host}'\n` : `ping: ${args.host}: Name or service not known\n`);
    return style === 'busybox' ? 1 : 2;
  }
  const ip = resolved.addresses[0];
  const up = await alive(io, ip);
  const display = style === 'iputils' ? (await reverseName(io, ip)) ?? ip : ip;
  io.stdout.write(style === 'busybox' ? `PING ${args.host} (${ip}): 56 data bytes\n` : `PING ${resolved.name} (${ip}) 56(84) bytes of data.\n`);
  const times: number[] = [];
  let sent = 0;
  const limit = args.count ?? Infinity;
  while (sent < limit) {
    const seq = sent;
    sent++;
    if (up) {
      const t = rtt(ip, seq);
      times.push(t);
      io.stdout.write(style === 'busybox' ? `64 bytes from ${ip}: seq=${seq} ttl=64 time=${f3(t)} ms\n` : `64 bytes from ${display === ip ? ip : `${display} (${ip})`}: icmp_seq=${seq + 1} ttl=64 time=${f3(t)} ms\n`);
    }
    if (sent < limit) await io.sleep(1000);
  }
  const received = times.length;
  const loss = Math.round(((sent - received) / sent) * 100);
  const min = Math.min(...times), max = Math.max(...times), avg = times.reduce((a, b) => a + b, 0) / (received || 1);
  if (style === 'busybox') {
    io.stdout.write(`\n--- ${args.host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
    if (received) io.stdout.write(`round-trip min/avg/max = ${f3(min)}/${f3(avg)}/${f3(max)} ms\n`);
  } else {
    io.stdout.write(`\n--- ${resolved.name} ping statistics ---\n${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${(sent - 1) * 1000 + 3}ms\n`);
    if (received) {
      const mdev = Math.sqrt(times.reduce((a, t) => a + (t - avg) ** 2, 0) / received);
      io.stdout.write(`rtt min/avg/max/mdev = ${f3(min)}/${f3(avg)}/${f3(max)}/${f3(mdev)} ms\n`);
    }
  }
  return received ? 0 : 1;
}

export const pingBusybox: Program = (io) => run(io, 'busybox');
export const pingIputils: Program = (io) => run(io, 'iputils');
