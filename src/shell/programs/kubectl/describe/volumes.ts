/** describeVolumes and the volume-source printers the lab's pods use (describe.go). */
import type { Json } from '../printers/types';
import { accessModes } from '../printers/format';
import { printAnnotationsMultiline, printLabelsMultiline, str } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedPrefixWriter, type PrefixWriter } from './prefix-writer';

const goBool = (v: unknown) => String(v === true);
/** Go's %v of a *bool: `<nil>` when unset. */
const goBoolPtr = (v: unknown) => (typeof v === 'boolean' ? String(v) : '<nil>');

function printSource(v: Json, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(v.hostPath.path)}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit ? str(v.emptyDir.sizeLimit) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(v.emptyDir.medium)}\n    SizeLimit:\t${size}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(v.secret.secretName)}\n    Optional:\t${goBool(v.secret.optional)}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(v.configMap.name)}\n    Optional:\t${goBool(v.configMap.optional)}\n`);
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(v.nfs.server)}\n    Path:\t${str(v.nfs.path)}\n    ReadOnly:\t${goBool(v.nfs.readOnly)}\n`);
  } else if (v.persistentVolumeClaim) {
    const c = v.persistentVolumeClaim;
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(c.claimName)}\n    ReadOnly:\t${goBool(c.readOnly)}\n`);
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    const t = v.ephemeral.volumeClaimTemplate;
    if (t) printPersistentVolumeClaim(nestedPrefixWriter(w, LEVEL_2), { metadata: t.metadata ?? {}, spec: t.spec ?? {} }, false);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of (v.downwardAPI.items ?? []) as Json[]) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of (v.projected.sources ?? []) as Json[]) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${str(s.secret.name)}\n    SecretOptionalName:\t${goBoolPtr(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(s.configMap.name)}\n    ConfigMapOptional:\t${goBoolPtr(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  } else if (v.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(v.csi.driver)}\n    FSType:\t${str(v.csi.fsType)}\n    ReadOnly:\t${goBool(v.csi.readOnly)}\n`);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** describeVolumes: `Volumes:\t<none>` or one block per volume. */
export function describeVolumes(volumes: Json[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    printSource(v, w);
  }
}

/** printPersistentVolumeClaim: full PVCs (describe pvc) and claim templates share it. */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: Json, isFull: boolean, now = 0, sinceFn?: (t: unknown, now: number) => string): void {
  const meta = pvc.metadata ?? {};
  const spec = pvc.spec ?? {};
  if (isFull) {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (isFull) {
    if (meta.deletionTimestamp && sinceFn) w.write(LEVEL_0, `Status:\tTerminating (lasts ${sinceFn(meta.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${str(pvc.status?.phase)}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${str(spec.volumeName)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (isFull) w.write(LEVEL_0, `Finalizers:\t[${((meta.finalizers ?? []) as string[]).join(' ')}]\n`);
  let capacity = '';
  let modes = '';
  if (spec.volumeName) {
    modes = accessModes(pvc.status?.accessModes);
    capacity = str(pvc.status?.capacity?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${modes}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${str(spec.dataSource.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(spec.dataSource.name)}\n`);
  }
}

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function claimClass(pvc: Json): string {
  const beta = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (beta !== undefined) return beta;
  return str(pvc.spec?.storageClassName);
}

/** describeVolumeClaimTemplates (StatefulSet `Volume Claims:`). */
export function describeVolumeClaimTemplates(templates: Json[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${str(pvc.metadata?.name)}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? str(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${((pvc.spec?.accessModes ?? []) as string[]).join(' ')}]\n`);
  }
}
