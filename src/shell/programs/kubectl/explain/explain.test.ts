import { describe, expect, it } from 'vitest';
import { createLab, run } from '../testing/harness';
import { wrapString } from './wrap';

describe('wrapString (go-wordwrap)', () => {
  it('breaks at spaces, keeps newlines and long words', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('one\ntwo three', 5)).toBe('one\ntwo\nthree');
    expect(wrapString('https://example.com/very/long x', 10)).toBe('https://example.com/very/long\nx');
  });
});

describe('kubectl explain', () => {
  it('explains a primitive field', async () => {
    const r = await run(createLab(), 'kubectl explain sts.spec.replicas');
    expect(r).toEqual({
      stdout:
        'GROUP:      apps\nKIND:       StatefulSet\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n' +
        '    replicas is the desired number of replicas of the given Template. These are\n' +
        '    replicas in the sense that they are instantiations of the same Template, but\n' +
        '    individual replicas also have a consistent identity. If unspecified,\n' +
        '    defaults to 1.\n    \n\n',
      stderr: '',
      code: 0,
    });
  });

  it('lists the fields of an object field with enums and both descriptions', async () => {
    const r = await run(createLab(), 'kubectl explain statefulset.spec.updateStrategy');
    expect(r.stdout).toBe(`GROUP:      apps
KIND:       StatefulSet
VERSION:    v1

FIELD: updateStrategy <StatefulSetUpdateStrategy>


DESCRIPTION:
    updateStrategy indicates the StatefulSetUpdateStrategy that will be employed
    to update Pods in the StatefulSet when a revision is made to Template.
    StatefulSetUpdateStrategy indicates the strategy that the StatefulSet
    controller will use to perform updates. It includes any additional
    parameters necessary to perform the update for the indicated strategy.
    
FIELDS:
  rollingUpdate\t<RollingUpdateStatefulSetStrategy>
    RollingUpdate is used to communicate parameters when Type is
    RollingUpdateStatefulSetStrategyType.

  type\t<string>
  enum: OnDelete, RollingUpdate
    Type indicates the type of the StatefulSetUpdateStrategy. Default is
    RollingUpdate.
    
    Possible enum values:
     - \`"OnDelete"\` triggers the legacy behavior. Version tracking and ordered
    rolling restarts are disabled. Pods are recreated from the StatefulSetSpec
    when they are manually deleted. When a scale operation is performed with
    this strategy,specification version indicated by the StatefulSet's
    currentRevision.
     - \`"RollingUpdate"\` indicates that update will be applied to all Pods in
    the StatefulSet with respect to the StatefulSet ordering constraints. When a
    scale operation is performed with this strategy, new Pods will be created
    from the specification version indicated by the StatefulSet's
    updateRevision.


`);
  });

  it('prints the long ENUM form for an enum field', async () => {
    const r = await run(createLab(), 'kubectl explain sts.spec.podManagementPolicy');
    expect(r.stdout.split('\n').slice(0, 9)).toEqual([
      'GROUP:      apps',
      'KIND:       StatefulSet',
      'VERSION:    v1',
      '',
      'FIELD: podManagementPolicy <string>',
      'ENUM:',
      '    OrderedReady',
      '    Parallel',
      '',
    ]);
  });

  it('lists nested fields with --recursive', async () => {
    const r = await run(createLab(), 'kubectl explain sts.spec.persistentVolumeClaimRetentionPolicy --recursive');
    expect(r.stdout.split('FIELDS:\n')[1]).toBe('  whenDeleted\t<string>\n  whenScaled\t<string>\n\n');
  });

  it('reports a field that does not exist and an unknown resource', async () => {
    const lab = createLab();
    expect(await run(lab, 'kubectl explain sts.spec.replica')).toEqual({ stdout: '', stderr: 'error: field "replica" does not exist\n', code: 1 });
    expect((await run(lab, 'kubectl explain foo')).stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });
});
