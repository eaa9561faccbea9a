/** kubectl events (pkg/cmd/events): events.go and event_printer.go. */
import type { KubeObject } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { objectName, parseOutput, printGeneric, type OutputSpec } from '../output/printer';
import { ageSince } from '../printers/age';
import { TabWriter } from '../printers/tabwriter';
import { resolveTypeArg } from '../resources/mapping';
import { OUTPUT_FLAG } from './write-common';

const EVENTS = { group: '', version: 'v1', resource: 'events' };

type Ev = KubeObject & {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  eventTime?: string | null;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string };
};

const EVENTS_LONG = `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.

Examples:
  # List recent events in the default namespace
  kubectl events
  
  # List recent events in all namespaces
  kubectl events --all-namespaces
  
  # List recent events for the specified pod, then wait for more events and list them as they arrive
  kubectl events --for pod/web-pod-13je7 --watch
  
  # List recent events in YAML format
  kubectl events -oyaml
  
  # List recent only events of type 'Warning' or 'Normal'
  kubectl events --types=Warning,Normal`;

/** getInterval: `<age>`, or `<last> (xN over <first>)` for repeated events. */
function interval(e: Ev, now: number): string {
  const first = e.eventTime ? ageSince(e.eventTime, now) : ageSince(e.firstTimestamp, now);
  if (e.series) return `${ageSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${ageSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** eventTime: the time events.go sorts by. */
function eventTime(e: Ev): number {
  const t = e.series ? e.series.lastObservedTime : e.lastTimestamp || e.eventTime;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** EventPrinter: headers once, before the first event. */
class EventPrinter {
  private headersPrinted = false;
  private readonly writer: TabWriter;

  constructor(
    private readonly inv: Invocation,
    private readonly noHeaders: boolean,
    private readonly allNamespaces: boolean,
  ) {
    this.writer = new TabWriter((s) => inv.out(s));
  }

  print(events: Ev[]): void {
    if (!this.noHeaders && !this.headersPrinted) {
      this.writer.write(`${this.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headersPrinted = true;
    }
    const now = this.inv.now();
    for (const e of events) {
      const ns = this.allNamespaces ? `${e.metadata.namespace ?? ''}\t` : '';
      const involved = e.involvedObject ?? {};
      const row = [interval(e, now), e.type ?? '', e.reason ?? '', `${involved.kind ?? ''}/${involved.name ?? ''}`, (e.message ?? '').trim()];
      this.writer.write(ns + row.join('\t') + '\n');
    }
    this.writer.flush();
  }
}

interface EventsOptions {
  namespace: string | undefined;
  fieldSelector: string | undefined;
  types: string[];
}

function options(inv: Invocation, flags: Flags): EventsOptions {
  let fieldSelector: string | undefined;
  const forObject = flags.string('for');
  if (forObject) {
    if (!forObject.includes('/')) throw new KubectlError('--for must be in resource/name form');
    const seg = forObject.split('/');
    if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
    const info = resolveTypeArg(inv.discovery(), seg[0].toLowerCase());
    const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
    fieldSelector = `involvedObject.kind=${info.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${seg[1]}`;
  }
  const types = [...new Set(flags.list('types'))].sort();
  return { namespace: flags.bool('all-namespaces') ? undefined : inv.namespace, fieldSelector, types };
}

function typeFilter(types: string[]): (e: Ev) => boolean {
  return (e) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
}

/** -o: the generic printers, with an EventList for the list. */
function printOther(inv: Invocation, spec: OutputSpec, events: Ev[], asList: boolean, count: number): void {
  if (spec.kind === 'name') {
    for (const e of events) inv.out(`${objectName(e)}\n`);
    return;
  }
  const obj = (asList ? { apiVersion: 'v1', kind: 'EventList', metadata: {}, items: events } : events[0]) as KubeObject;
  const text = printGeneric(spec, [{ obj }], true);
  inv.out(spec.kind === 'yaml' && count > 0 ? `---\n${text}` : text);
}

async function runWatch(inv: Invocation, o: EventsOptions, print: (events: Ev[]) => void): Promise<number> {
  const keep = typeFilter(o.types);
  // A watch without a resourceVersion starts with every existing event as ADDED.
  const list = await inv.client.list(EVENTS, { namespace: o.namespace, fieldSelector: o.fieldSelector });
  const initial = (list.items as Ev[]).filter(keep);
  if (initial.length) print(initial);
  await new Promise<void>((resolve) => {
    if (inv.io.signal.aborted) return resolve();
    const stop = inv.client.watch(EVENTS, { namespace: o.namespace, fieldSelector: o.fieldSelector, resourceVersion: list.metadata.resourceVersion }, (event) => {
      // Events are deleted after an hour; kubectl does not print that.
      if (inv.io.signal.aborted || event.type === 'DELETED' || !keep(event.object as Ev)) return;
      print([event.object as Ev]);
    });
    inv.io.signal.addEventListener('abort', () => (stop(), resolve()), { once: true });
  });
  // kubectl's interrupt handler exits with status 1 on Ctrl-C.
  return 1;
}

export const eventsCommand: Command = {
  name: 'events',
  short: 'List events',
  long: EVENTS_LONG,
  usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: [
    OUTPUT_FLAG,
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing the requested events, watch for more events.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringSlice', usage: 'Output only events of given types.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print headers." },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
  ],
  async run(inv, flags) {
    const o = options(inv, flags);
    const output = flags.string('output');
    const spec = output ? parseOutput(output, false) : undefined;
    for (const t of o.types) {
      if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('valid --types are Normal or Warning');
    }
    const allNamespaces = flags.bool('all-namespaces');
    const table = new EventPrinter(inv, flags.bool('no-headers'), allNamespaces);
    let printed = 0;
    const print = (events: Ev[], asList = false) => {
      if (spec) printOther(inv, spec, events, asList, printed);
      else table.print(events);
      printed++;
    };
    if (flags.bool('watch')) return runWatch(inv, o, (events) => events.forEach((e) => print([e])));
    const list = await inv.client.list(EVENTS, { namespace: o.namespace, fieldSelector: o.fieldSelector });
    const events = (list.items as Ev[]).filter(typeFilter(o.types)).map((e) => ({ ...e, apiVersion: e.apiVersion || 'v1', kind: e.kind || 'Event' }));
    if (events.length === 0) {
      inv.err(allNamespaces ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    // sort.Sort by event time; stable here so equal times keep the server's order.
    const sorted = events.map((e, i) => ({ e, i, t: eventTime(e) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.e);
    print(sorted, true);
    return 0;
  },
};
