/**
 * kubectl get -w: print the current state, then one row per watch event,
 * until Ctrl-C. kubectl's interrupt handler exits with status 1 on SIGINT.
 */
import type { KubeObject } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { printGeneric, type OutputSpec } from '../output/printer';
import { toJson } from '../output/json';
import { TabWriter } from '../printers/tabwriter';
import { typeOf, type TypedName } from '../resources/mapping';
import { fetchGroups } from './get';
import { tablePrinterFor } from './get-flags';

export async function watchResources(inv: Invocation, flags: Flags, spec: OutputSpec, requests: TypedName[]): Promise<number> {
  const types = new Set(requests.map((r) => r.info));
  if (types.size !== 1 || requests.length === 0 || (requests.length > 1 && requests.some((r) => r.name !== undefined))) {
    throw new KubectlError(`watch is only supported on individual resources and resource collections, but ${requests.length} resources were found`);
  }
  const { groups, errors } = await fetchGroups(inv, flags, requests);
  if (errors.length) throw errors[0];
  const group = groups[0];
  const info = requests[0].info;
  const named = requests[0].name;
  const watchEvents = flags.bool('output-watch-events');
  const printer = tablePrinterFor(info, flags, spec.kind === 'table' && spec.wide, flags.bool('all-namespaces'), false);
  const writer = new TabWriter((s) => inv.out(s));

  const print = (obj: KubeObject, eventType: string | undefined) => {
    if (spec.kind === 'table') {
      writer.write(printer.print([obj], inv.now(), watchEvents ? eventType : undefined));
      writer.flush();
    } else if (watchEvents && spec.kind === 'json') {
      inv.out(toJson({ type: eventType, object: obj }));
    } else {
      inv.out(printGeneric(spec, [{ obj, info }], true));
    }
  };

  if (!flags.bool('watch-only')) {
    if (spec.kind === 'table') {
      writer.write(printer.print(group.objects, inv.now(), watchEvents ? 'ADDED' : undefined));
      writer.flush();
    } else for (const obj of group.objects) print(obj, 'ADDED');
  }

  const resourceVersion = group.list ? group.resourceVersion : group.objects[0]?.metadata.resourceVersion;
  const ns = info.namespaced && !flags.bool('all-namespaces') ? inv.namespace : undefined;
  const fieldSelectors = [flags.string('field-selector'), named !== undefined ? `metadata.name=${named}` : ''].filter(Boolean);
  await new Promise<void>((resolve) => {
    if (inv.io.signal.aborted) return resolve();
    const stop = inv.client.watch(
      typeOf(info),
      {
        namespace: ns,
        labelSelector: flags.string('selector') || undefined,
        fieldSelector: fieldSelectors.join(',') || undefined,
        resourceVersion,
      },
      (event) => {
        if (inv.io.signal.aborted) return;
        print(event.object, event.type);
      },
    );
    inv.io.signal.addEventListener(
      'abort',
      () => {
        stop();
        resolve();
      },
      { once: true },
    );
  });
  return 1;
}
