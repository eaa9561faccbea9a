/** describeNode (describe.go) with its pod-resource summary. */
import type { Json } from '../printers/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since, str } from './common';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { formatQuantity, parseQuantity } from './quantity';

function nodeRoles(node: Json): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata?.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Sum of one resource over a pod's containers (PodRequestsAndLimits, without overhead). */
function podTotal(pod: Json, kind: 'requests' | 'limits', resource: string): number {
  let total = 0;
  for (const c of (pod.spec?.containers ?? []) as Json[]) {
    const v = c.resources?.[kind]?.[resource];
    if (v !== undefined) total += parseQuantity(String(v), resource === 'cpu');
  }
  return total;
}

const percent = (value: number, of: number) => (of ? Math.trunc((value / of) * 100) : 0);

function describeNodeResource(pods: Json[], node: Json, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
  const cpuAlloc = parseQuantity(str(alloc.cpu || '0'), true);
  const memAlloc = parseQuantity(str(alloc.memory || '0'), false);
  const storageAlloc = parseQuantity(str(alloc['ephemeral-storage'] || '0'), false);
  const cell = (v: number, of: number, cpu: boolean) => `${formatQuantity(v, cpu)} (${percent(v, of)}%)`;
  const sum = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, esReq: 0, esLim: 0 };
  for (const pod of pods) {
    const cpuReq = podTotal(pod, 'requests', 'cpu');
    const cpuLim = podTotal(pod, 'limits', 'cpu');
    const memReq = podTotal(pod, 'requests', 'memory');
    const memLim = podTotal(pod, 'limits', 'memory');
    sum.cpuReq += cpuReq;
    sum.cpuLim += cpuLim;
    sum.memReq += memReq;
    sum.memLim += memLim;
    sum.esReq += podTotal(pod, 'requests', 'ephemeral-storage');
    sum.esLim += podTotal(pod, 'limits', 'ephemeral-storage');
    w.write(
      LEVEL_1,
      `${str(pod.metadata?.namespace)}\t${str(pod.metadata?.name)}\t\t${cell(cpuReq, cpuAlloc, true)}\t${cell(cpuLim, cpuAlloc, true)}\t${cell(memReq, memAlloc, false)}\t${cell(memLim, memAlloc, false)}\t${since(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  w.write(LEVEL_1, `cpu\t${cell(sum.cpuReq, cpuAlloc, true)}\t${cell(sum.cpuLim, cpuAlloc, true)}\n`);
  w.write(LEVEL_1, `memory\t${cell(sum.memReq, memAlloc, false)}\t${cell(sum.memLim, memAlloc, false)}\n`);
  w.write(LEVEL_1, `ephemeral-storage\t${cell(sum.esReq, storageAlloc, false)}\t${cell(sum.esLim, storageAlloc, false)}\n`);
  for (const r of Object.keys(alloc).filter((k) => k.startsWith('hugepages-')).sort()) {
    w.write(LEVEL_1, `${r}\t0 (0%)\t0 (0%)\n`);
  }
}

export function describeNode(node: Json, pods: Json[], events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = node.metadata ?? {};
    const spec = node.spec ?? {};
    const status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    // The kubelet renews its Lease every 10s; the lab keeps no Lease objects, so show the heartbeat.
    const ready = ((status.conditions ?? []) as Json[]).find((c) => c.type === 'Ready');
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${str(meta.name)}\n`);
    w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
    w.write(LEVEL_1, `RenewTime:\t${rfc1123z(ready?.lastHeartbeatTime)}\n`);
    const conditions = (status.conditions ?? []) as Json[];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of (status.addresses ?? []) as Json[]) w.write(LEVEL_1, `${str(a.type)}:\t${str(a.address)}\n`);
    for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as Array<[string, Record<string, string>]>) {
      const names = Object.keys(list ?? {}).sort();
      if (names.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const n of names) w.write(LEVEL_0, `  ${n}:\t${list[n]}\n`);
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    const infoLines: Array<[string, unknown]> = [
      ['Machine ID', info.machineID],
      ['System UUID', info.systemUUID],
      ['Boot ID', info.bootID],
      ['Kernel Version', info.kernelVersion],
      ['OS Image', info.osImage],
      ['Operating System', info.operatingSystem],
      ['Architecture', info.architecture],
      ['Container Runtime Version', info.containerRuntimeVersion],
      ['Kubelet Version', info.kubeletVersion],
      ['Kube-Proxy Version', info.kubeProxyVersion],
    ];
    for (const [k, v] of infoLines) w.write(LEVEL_0, `  ${k}:\t${str(v)}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${(spec.podCIDRs as string[]).join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, w, now);
    describeEvents(events, w, now);
  });
}
