/** describePersistentVolumeClaim, describePersistentVolume, describeStorageClass (describe.go). */
import type { Json } from '../printers/types';
import { accessModes, formatLabels } from '../printers/format';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printListMultiline, rfc1123z, since, str } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer';
import { printPersistentVolumeClaim } from './volumes';

/** getPodsForPVC: pods mounting the claim, then pods owning it. */
export function podsUsingClaim(pvc: Json, pods: Json[]): Json[] {
  const name = pvc.metadata?.name;
  const out = pods.filter((p) => ((p.spec?.volumes ?? []) as Json[]).some((v) => v.persistentVolumeClaim?.claimName === name));
  for (const ref of (pvc.metadata?.ownerReferences ?? []) as Json[]) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata?.uid === ref.uid);
    if (owner && !out.includes(owner)) out.push(owner);
  }
  return out;
}

export function describePersistentVolumeClaim(pvc: Json, pods: Json[], events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, now, since);
    const names = pods.map((p) => str(p.metadata?.name)).sort();
    printListMultiline(w, 'Used By', names);
    const conditions = (pvc.status?.conditions ?? []) as Json[];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
      }
    }
    describeEvents(events, w, now);
  });
}

function printNodeAffinity(w: PrefixWriter, affinity: Json): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = (affinity.required.nodeSelectorTerms ?? []) as Json[];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    const reqs = (term.matchExpressions ?? []) as Json[];
    w.write(LEVEL_2, `Term ${i}:\t`);
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      const values = (r.values ?? []) as string[];
      const expr = `${r.key} ${String(r.operator).toLowerCase()}${values.length ? ` [${values.join(', ')}]` : ''}`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

function printPvSource(spec: Json, w: PrefixWriter): void {
  if (spec.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(spec.hostPath.path)}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`);
  } else if (spec.local) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${str(spec.local.path)}\n`);
  } else if (spec.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(spec.nfs.server)}\n    Path:\t${str(spec.nfs.path)}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`);
  } else if (spec.csi) {
    const c = spec.csi;
    w.write(
      LEVEL_2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(c.driver)}\n    FSType:\t${str(c.fsType)}\n    VolumeHandle:\t${str(c.volumeHandle)}\n    ReadOnly:\t${c.readOnly === true}\n`,
    );
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

export function describePersistentVolume(pv: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = pv.metadata ?? {};
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Finalizers:\t[${((meta.finalizers ?? []) as string[]).join(' ')}]\n`);
    const beta = meta.annotations?.['volume.beta.kubernetes.io/storage-class'];
    w.write(LEVEL_0, `StorageClass:\t${beta ?? str(spec.storageClassName)}\n`);
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${str(pv.status?.phase)}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${str(spec.claimRef.namespace)}/${str(spec.claimRef.name)}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${str(spec.persistentVolumeReclaimPolicy)}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${spec.capacity?.storage !== undefined ? str(spec.capacity.storage) : '0'}\n`);
    printNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${str(pv.status?.message)}\n`);
    w.write(LEVEL_0, 'Source:\n');
    printPvSource(spec, w);
    describeEvents(events, w, now);
  });
}

/** storageutil.IsDefaultAnnotationText. */
function isDefaultText(sc: Json): string {
  const a = sc.metadata?.annotations ?? {};
  if (a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true') return 'Yes';
  return 'No';
}

export function describeStorageClass(sc: Json, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(sc.metadata?.name)}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultText(sc)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${str(sc.provisioner)}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    const expansion = typeof sc.allowVolumeExpansion === 'boolean' ? (sc.allowVolumeExpansion ? 'True' : 'False') : '<unset>';
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${expansion}\n`);
    const options = (sc.mountOptions ?? []) as string[];
    if (options.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of options) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    describeEvents(events, w, now);
  });
}
