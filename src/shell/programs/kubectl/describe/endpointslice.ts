/** describeEndpointSliceV1 (describe.go): ports as a table, then each endpoint's address, readiness, hostname, target, node and zone. */
import type { Json } from '../printers/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, str } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefix-writer';

const orUnset = (v: unknown): string => (v === undefined || v === null ? '<unset>' : String(v));

export function describeEndpointSlice(eps: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(eps.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(eps.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata?.annotations);
    w.write(LEVEL_0, `AddressType:\t${str(eps.addressType)}\n`);
    const ports = (eps.ports ?? []) as Json[];
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) w.write(LEVEL_1, `${p.name ? p.name : '<unset>'}\t${orUnset(p.port)}\t${str(p.protocol)}\n`);
    }
    const endpoints = (eps.endpoints ?? []) as Json[];
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${((e.addresses ?? []) as string[]).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        w.write(LEVEL_3, `Ready:\t${orUnset(e.conditions?.ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${orUnset(e.hostname)}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${str(e.targetRef.kind)}/${str(e.targetRef.name)}\n`);
        w.write(LEVEL_2, `NodeName:\t${orUnset(e.nodeName)}\n`);
        w.write(LEVEL_2, `Zone:\t${orUnset(e.zone)}\n`);
      }
    }
    describeEvents(events, w, now);
  });
}
