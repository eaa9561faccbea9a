/** EndpointSlices (printers.go printEndpointSlice, formatDiscoveryPorts, formatDiscoveryEndpoints); -o wide adds nothing. */
import { ageSince } from './age';
import { str } from './format';
import { col, type Json, type KindPrinter } from './types';

const MAX_LISTED = 3;

/** listWithMoreString: the first three, then ` + N more...`; nothing at all is `<unset>`. */
function listWithMore(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(',');
  if (items.length > MAX_LISTED) return `${shown} + ${items.length - MAX_LISTED} more...`;
  return shown || '<unset>';
}

/** A port without a number shows its name, one without either `*`. */
function formatDiscoveryPorts(ports: Json[] | null | undefined): string {
  return listWithMore((ports ?? []).map((p: Json) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? String(p.name) : '*')));
}

/** Every address of every endpoint, ready or not. */
function formatDiscoveryEndpoints(endpoints: Json[] | null | undefined): string {
  return listWithMore((endpoints ?? []).flatMap((e: Json) => ((e.addresses ?? []) as string[]).map(String)));
}

export const endpointSlicePrinter: KindPrinter = {
  columns: [col('NAME'), col('ADDRESSTYPE'), col('PORTS'), col('ENDPOINTS'), col('AGE')],
  cells: (o, now) => [o.metadata.name, str(o.addressType), formatDiscoveryPorts(o.ports), formatDiscoveryEndpoints(o.endpoints), ageSince(o.metadata.creationTimestamp, now)],
};
