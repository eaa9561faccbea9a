/** PersistentVolumeClaims, PersistentVolumes and StorageClasses. */
import { ageSince } from './age';
import { accessModes, str } from './format';
import { col, type Json, type KindPrinter } from './types';

const claimClass = (o: Json): string =>
  o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? o.spec?.storageClassName ?? '';

export const pvcPrinter: KindPrinter = {
  columns: [
    col('NAME'),
    col('STATUS'),
    col('VOLUME'),
    col('CAPACITY'),
    col('ACCESS MODES'),
    col('STORAGECLASS'),
    col('VOLUMEATTRIBUTESCLASS'),
    col('AGE'),
    col('VOLUMEMODE', true),
  ],
  cells(o, now) {
    const spec = o.spec ?? {};
    const phase = o.metadata.deletionTimestamp ? 'Terminating' : str(o.status?.phase);
    let capacity = '';
    let modes = '';
    if (spec.volumeName) {
      modes = accessModes(o.status?.accessModes);
      capacity = str(o.status?.capacity?.storage);
    }
    return [
      o.metadata.name,
      phase,
      str(spec.volumeName),
      capacity,
      modes,
      claimClass(o),
      spec.volumeAttributesClassName || '<unset>',
      ageSince(o.metadata.creationTimestamp, now),
      spec.volumeMode ?? '<unset>',
    ];
  },
};

export const pvPrinter: KindPrinter = {
  columns: [
    col('NAME'),
    col('CAPACITY'),
    col('ACCESS MODES'),
    col('RECLAIM POLICY'),
    col('STATUS'),
    col('CLAIM'),
    col('STORAGECLASS'),
    col('VOLUMEATTRIBUTESCLASS'),
    col('REASON'),
    col('AGE'),
    col('VOLUMEMODE', true),
  ],
  cells(o, now) {
    const spec = o.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const cls = o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? '';
    return [
      o.metadata.name,
      str(spec.capacity?.storage),
      accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy),
      o.metadata.deletionTimestamp ? 'Terminating' : str(o.status?.phase),
      claim,
      cls,
      spec.volumeAttributesClassName || '<unset>',
      str(o.status?.reason),
      ageSince(o.metadata.creationTimestamp, now),
      spec.volumeMode ?? '<unset>',
    ];
  },
};

const isDefaultClass = (o: Json): boolean => {
  const a = o.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
};

export const storageClassPrinter: KindPrinter = {
  columns: [col('NAME'), col('PROVISIONER'), col('RECLAIMPOLICY'), col('VOLUMEBINDINGMODE'), col('ALLOWVOLUMEEXPANSION'), col('AGE')],
  cells: (o, now) => [
    isDefaultClass(o) ? `${o.metadata.name} (default)` : o.metadata.name,
    str(o.provisioner),
    o.reclaimPolicy ?? 'Delete',
    o.volumeBindingMode ?? 'Immediate',
    String(o.allowVolumeExpansion ?? false),
    ageSince(o.metadata.creationTimestamp, now),
  ],
};
