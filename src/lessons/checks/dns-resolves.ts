import type { CheckKind, DnsResolvesCheck } from './types';
import { getObject } from './common';

/** A DNS name, looked up from the namespace, answers with the pod's current IP. */
export const dnsResolves: CheckKind<DnsResolvesCheck> = {
  kind: 'dnsResolves',
  requires: 'dns',
  fields: ['host', 'pod', 'namespace'],
  parse: (f) => ({ host: f.string('host', true), pod: f.string('pod', true), namespace: f.string('namespace') }),
  watches: () => ['pods', 'endpoints'],
  async evaluate(c, ctx) {
    if (!ctx.dns) return { passed: false, detail: 'cluster DNS is not available in this lab yet' };
    const pod = await getObject(ctx, 'pods', c.pod, c.namespace);
    const ip = (pod?.status as { podIP?: string } | undefined)?.podIP;
    if (!ip) return { passed: false, detail: `pod ${c.pod} has no IP` };
    const answers = await ctx.dns.resolve(c.host, c.namespace ?? ctx.namespace());
    if (answers.includes(ip)) return { passed: true, detail: `${c.host} resolves to ${ip}` };
    return { passed: false, detail: `${c.host} resolves to ${answers.join(', ') || 'nothing'}, not ${ip}` };
  },
};
