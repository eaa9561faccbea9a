import { describe, expect, it } from 'vitest';
import { endpointSlicePrinter } from './endpointslice';

const NOW = Date.UTC(2026, 0, 1, 0, 5);
const slice = (ports: unknown, endpoints: unknown) => ({ metadata: { name: 'web-x7k2p', creationTimestamp: '2026-01-01T00:00:00Z' }, addressType: 'IPv4', ports, endpoints });
const ep = (ip: string, ready = true) => ({ addresses: [ip], conditions: { ready } });

describe('endpointslice printer', () => {
  it('shows an empty placeholder slice as <unset> ports and endpoints', () => {
    expect(endpointSlicePrinter.cells(slice(null, null), NOW)).toEqual(['web-x7k2p', 'IPv4', '<unset>', '<unset>', '5m']);
  });

  it('lists every address, not-ready ones too, three at most then + N more...', () => {
    const endpoints = [ep('10.244.1.2'), ep('10.244.2.2', false), ep('10.244.3.2'), ep('10.244.1.3'), ep('10.244.2.3')];
    expect(endpointSlicePrinter.cells(slice([{ name: 'web', port: 80, protocol: 'TCP' }], endpoints), NOW)).toEqual(['web-x7k2p', 'IPv4', '80', '10.244.1.2,10.244.2.2,10.244.3.2 + 2 more...', '5m']);
  });

  it('prints ports in slice order, a nameless numberless port as * and a numberless one by name, three at most', () => {
    const ports = [{ name: 'dns', port: 53 }, { name: 'named' }, {}, { name: 'metrics', port: 9153 }];
    expect(endpointSlicePrinter.cells(slice(ports, [ep('10.244.0.2')]), NOW)[2]).toBe('53,named,* + 1 more...');
  });
});
