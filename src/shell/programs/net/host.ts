/**
 * BIND 9.18's host: the search list and ndots as the resolver applies them, A
 * then AAAA then MX for a name (only the records found are printed), PTR for
 * an address, `-t TYPE` for one type.
 */
import type { DnsRecord, DnsType } from '../../../cluster/client/types';
import type { Program } from '../../program';
import { fqdn } from './bind-format';
import { candidates, isIPv4, readResolvConf } from './resolver';

const TYPES: DnsType[] = ['A', 'AAAA', 'SRV', 'PTR'];

function describe(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
      return `${r.name.replace(/\.$/, '')} has address ${r.address}`;
    case 'SRV':
      return `${r.name.replace(/\.$/, '')} has SRV record ${r.priority} ${r.weight} ${r.port} ${fqdn(r.target)}`;
    case 'PTR':
      return `${r.name.replace(/\.$/, '')} domain name pointer ${fqdn(r.target)}`;
  }
}

export const host: Program = async (io) => {
  const argv = io.argv.slice(1);
  let type: DnsType | undefined;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-t') type = (argv[++i] ?? '').toUpperCase() as DnsType;
    else if (!argv[i].startsWith('-')) names.push(argv[i]);
  }
  const name = names[0];
  if (!name) {
    io.stderr.write('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  if (type !== undefined && !TYPES.includes(type)) {
    io.stderr.write(`host: invalid type: ${type}\n`);
    return 1;
  }
  const conf = readResolvConf(io);
  if (names[1]) io.stdout.write(`Using domain server:\nName: ${names[1]}\nAddress: ${names[1]}#53\nAliases: \n\n`);
  const reverse = isIPv4(name);
  const query = reverse ? `${name.split('.').reverse().join('.')}.in-addr.arpa` : name;
  const types: DnsType[] = type ? [type] : reverse ? ['PTR'] : ['A', 'AAAA'];
  for (const candidate of reverse ? [query] : candidates(query, conf)) {
    const first = await io.ctx.client.dns({ name: candidate, type: types[0] });
    if (first.rcode === 'NXDOMAIN') continue;
    for (const r of first.answers) io.stdout.write(`${describe({ ...r, name: candidate })}\n`);
    for (const t of types.slice(1)) for (const r of (await io.ctx.client.dns({ name: candidate, type: t })).answers) io.stdout.write(`${describe({ ...r, name: candidate })}\n`);
    if (!first.answers.length && type) io.stdout.write(`${candidate} has no ${type} record\n`);
    return 0;
  }
  io.stdout.write(`Host ${reverse ? query : name} not found: 3(NXDOMAIN)\n`);
  return 1;
};
