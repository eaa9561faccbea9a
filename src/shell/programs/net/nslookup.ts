/**
 * nslookup in its three shapes (k8s-behavior.md §6.3): busybox ≤1.28 (libc
 * resolver, `Address 1:` lines), newer busybox (its own resolver: search list
 * only for names without a dot, A and AAAA per name), and BIND's (netshoot,
 * dnsutils: search list with ndots, `ip#53`).
 */
import type { Program, ProgramIO } from '../../program';
import { aRecords, candidates, isIPv4, readResolvConf, reverseName } from './resolver';

function target(io: ProgramIO): { name?: string; server?: string } {
  const args = io.argv.slice(1).filter((a) => !a.startsWith('-'));
  return { name: args[0], server: args[1] };
}

export const nslookupBusybox128: Program = async (io) => {
  const { name } = target(io);
  if (!name) {
    io.stderr.write('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n');
    return 1;
  }
  const conf = readResolvConf(io);
  const serverName = await reverseName(io, conf.nameserver);
  io.stdout.write(`${'Server:'.padEnd(10)} ${conf.nameserver}\nAddress 1: ${conf.nameserver}${serverName ? ` ${serverName}` : ''}\n\n`);
  let addresses: string[] = [];
  if (isIPv4(name)) addresses = [name];
  else {
    for (const candidate of candidates(name, conf)) {
      addresses = aRecords(await io.ctx.client.dns({ name: candidate, type: 'A' }));
      if (addresses.length) break;
    }
  }
  if (!addresses.length) {
    io.stderr.write(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  io.stdout.write(`${'Name:'.padEnd(10)} ${name}\n`);
  for (let i = 0; i < addresses.length; i++) {
    const rev = await reverseName(io, addresses[i]);
    io.stdout.write(`Address ${i + 1}: ${addresses[i]}${rev ? ` ${rev}` : ''}\n`);
  }
  return 0;
};

export const nslookupBusybox: Program = async (io) => {
  const { name } = target(io);
  if (!name) {
    io.stderr.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  const conf = readResolvConf(io);
  io.stdout.write(`Server:\t\t${conf.nameserver}\nAddress:\t${conf.nameserver}:53\n\n`);
  if (isIPv4(name)) return ptrAnswer(io, name, (rev) => `${arpa(name)}\tname = ${rev}\n\n`, () => `** server can't find ${arpa(name)}: NXDOMAIN\n\n`);
  // busybox ≥1.30 applies the search list only to names without a dot.
  const names = name.includes('.') ? [name.replace(/\.$/, '')] : conf.searches.map((s) => `${name}.${s}`);
  let failed = false;
  for (const n of names) {
    for (const type of ['A', 'AAAA'] as const) {
      const reply = await io.ctx.client.dns({ name: n, type });
      if (reply.rcode === 'NXDOMAIN') {
        failed = true;
        io.stdout.write(`** server can't find ${n}: NXDOMAIN\n\n`);
        continue;
      }
      if (!reply.authoritative && reply.answers.length) io.stdout.write('Non-authoritative answer:\n');
      for (const a of aRecords(reply)) io.stdout.write(`Name:\t${n}\nAddress: ${a}\n`);
      io.stdout.write('\n');
    }
  }
  return failed ? 1 : 0;
};

export const nslookupBind: Program = async (io) => {
  const { name } = target(io);
  const conf = readResolvConf(io);
  if (!name) {
    io.stderr.write('Usage: nslookup [-opt ...] host [server]\n');
    return 1;
  }
  io.stdout.write(`Server:\t\t${conf.nameserver}\nAddress:\t${conf.nameserver}#53\n\n`);
  if (isIPv4(name)) return ptrAnswer(io, name, (rev) => `${arpa(name)}\tname = ${rev}.\n\n`, () => `** server can't find ${arpa(name)}: NXDOMAIN\n\n`);
  for (const candidate of candidates(name, conf)) {
    const reply = await io.ctx.client.dns({ name: candidate, type: 'A' });
    if (reply.rcode === 'NXDOMAIN') continue;
    if (!reply.authoritative) io.stdout.write('Non-authoritative answer:\n');
    for (const a of aRecords(reply)) io.stdout.write(`Name:\t${candidate}\nAddress: ${a}\n`);
    io.stdout.write('\n');
    return 0;
  }
  io.stdout.write(`** server can't find ${name}: NXDOMAIN\n\n`);
  return 1;
};

function arpa(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

async function ptrAnswer(io: ProgramIO, ip: string, found: (rev: string) => string, missing: () => string): Promise<number> {
  const rev = await reverseName(io, ip);
  io.stdout.write(rev ? found(rev) : missing());
  return rev ? 0 : 1;
}
