/**
 * How BIND's tools print records (lib/dns/masterdump.c): owner, TTL, class,
 * type and data at columns 24/32/40/48 reached with tabs of width 8, or one
 * space once past a column; and the wire size of a CoreDNS reply (it does not
 * compress names), for dig's `MSG SIZE rcvd`.
 */
import type { DnsRecord, DnsReply } from '../../../cluster/client/types';

/** masterdump.c indent(): tabs to the target column, at least one character. */
export function indentTo(column: number, target: number, tabWidth = 8): string {
  const to = Math.max(target, column + 1);
  const tabs = Math.floor(to / tabWidth) - Math.floor(column / tabWidth);
  return tabs > 0 ? '\t'.repeat(tabs) + ' '.repeat(to % tabWidth) : ' '.repeat(to - column);
}

/** Joins fields, each starting at its column (dig's default style: 24, 32, 40, 48). */
export function columns(fields: string[], stops: number[]): string {
  let line = fields[0];
  let column = line.length;
  for (let i = 1; i < fields.length; i++) {
    const pad = indentTo(column, stops[i - 1]);
    line += pad + fields[i];
    column = Math.max(stops[i - 1], column + 1) + fields[i].length;
  }
  return line;
}

export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

export function rdata(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
      return r.address;
    case 'SRV':
      return `${r.priority} ${r.weight} ${r.port} ${fqdn(r.target)}`;
    case 'PTR':
      return fqdn(r.target);
  }
}

/** `name. 30 IN A 10.0.0.1` as dig prints an answer. */
export function recordLine(r: DnsRecord): string {
  return columns([fqdn(r.name), String(r.ttl), 'IN', r.type, rdata(r)], [24, 32, 40, 48]);
}

function nameLength(name: string): number {
  const labels = fqdn(name).split('.').filter((l) => l !== '');
  return labels.reduce((n, l) => n + l.length + 1, 1);
}

function rdataLength(r: DnsRecord): number {
  return r.type === 'A' ? 4 : r.type === 'SRV' ? 6 + nameLength(r.target) : nameLength(r.target);
}

/** The reply's size on the wire: header, question, uncompressed records, the OPT record (with the echoed client cookie where dig sends one). */
export function replySize(question: string, reply: DnsReply, authority: number, cookie: boolean): number {
  const records = [...reply.answers, ...reply.additional].reduce((n, r) => n + nameLength(r.name) + 10 + rdataLength(r), 0);
  const opt = 11 + (cookie ? 12 : 0);
  return 12 + nameLength(question) + 4 + records + authority + opt;
}

/** A deterministic 16-bit message id / 64-bit cookie from a seed string (FNV-1a). */
export function hashHex(seed: string, digits: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < digits; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, digits);
}
