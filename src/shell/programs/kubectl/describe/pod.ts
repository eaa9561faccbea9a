/** describePod (describe.go), section by section in kubectl's order. */
import type { Json } from '../printers/types';
import {
  controllerOf,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  since,
  str,
} from './common';
import { describeContainers, describeResources } from './containers';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { describeVolumes } from './volumes';
import { podQOSClass } from '../../../../cluster/api/registry/pod-spec';

/** qos.GetPodQOS: the status field when set, else computed from requests and limits as the API server does. */
export function podQOS(pod: Json): string {
  return pod.status?.qosClass || podQOSClass(pod.spec ?? {});
}

function describePodIPs(pod: Json, w: PrefixWriter): void {
  const ips = (pod.status?.podIPs ?? []) as Json[];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip.ip)}\n`);
}

function describeConditions(pod: Json, w: PrefixWriter): void {
  const spec = pod.spec ?? {};
  const conditions = (pod.status?.conditions ?? []) as Json[];
  if (spec.readinessGates?.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates as Json[]) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? str(c.status) : '<none>'} \n`);
    }
  }
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \n`);
  }
}

/** The text of `kubectl describe pod`; events undefined hides the Events section. */
export function describePod(pod: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = pod.metadata ?? {};
    const spec = pod.spec ?? {};
    const status = pod.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    if (typeof spec.priority === 'number') w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${str(status.hostIP)}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${str(status.phase)}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    w.write(LEVEL_0, `IP:\t${str(status.podIP)}\n`);
    describePodIPs(pod, w);
    const controlledBy = controllerOf(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(spec.resources, w, LEVEL_1);
    }
    if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses ?? [], w, '', pod);
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses ?? [], w, '', pod);
    describeConditions(pod, w);
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeEvents(events, w, now);
  });
}
