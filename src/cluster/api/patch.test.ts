import { describe, expect, it } from 'vitest';
import { applyPatchOfType, mergePatch } from './patch';
import { strategicMerge } from './strategic-merge';

const sts = {
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.24', ports: [{ containerPort: 80, name: 'web' }], env: [{ name: 'A', value: '1' }] },
          { name: 'side', image: 'busybox' },
        ],
        tolerations: [{ key: 'a', operator: 'Exists' }],
      },
    },
  },
};

describe('JSON merge patch', () => {
  it('merges objects, replaces lists and deletes on null', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
  });
});

describe('JSON patch', () => {
  it('applies RFC 6902 operations', () => {
    expect(applyPatchOfType(sts, 'json', [{ op: 'replace', path: '/spec/replicas', value: 5 }])).toMatchObject({ spec: { replicas: 5 } });
  });

  it('reports a missing path like the API server', () => {
    expect(() => applyPatchOfType(sts, 'json', [{ op: 'remove', path: '/spec/nope' }])).toThrow('jsonpatch remove operation does not apply: doc is missing path: "/spec/nope"');
  });
});

describe('strategic merge patch', () => {
  it('merges containers by name and keeps the others', () => {
    const out = strategicMerge(sts, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } }) as any;
    expect(out.spec.template.spec.containers.map((c: any) => `${c.name}=${c.image}`)).toEqual(['nginx=nginx:1.25', 'side=busybox']);
    expect(out.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'web' }]);
  });

  it('merges env by name and container ports by containerPort', () => {
    const out = strategicMerge(sts, {
      spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 80, protocol: 'TCP' }] }] } } },
    }) as any;
    const c = out.spec.template.spec.containers[0];
    expect(c.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(c.ports).toEqual([{ containerPort: 80, name: 'web', protocol: 'TCP' }]);
  });

  it('replaces lists without a merge key (tolerations)', () => {
    const out = strategicMerge(sts, { spec: { template: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } } } }) as any;
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
  });

  it('honours $patch: delete in a list and $patch: replace in a map', () => {
    const del = strategicMerge(sts, { spec: { template: { spec: { containers: [{ name: 'side', $patch: 'delete' }] } } } }) as any;
    expect(del.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['nginx']);
    const rep = strategicMerge(sts, { spec: { template: { $patch: 'replace', spec: { containers: [{ name: 'x', image: 'y' }] } } } }) as any;
    expect(rep.spec.template).toEqual({ spec: { containers: [{ name: 'x', image: 'y' }] } });
  });

  it('orders merged lists by $setElementOrder as kubectl apply sends it', () => {
    const out = strategicMerge(sts, {
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'nginx' }], containers: [{ name: 'nginx', image: 'nginx:2' }] } } },
    }) as any;
    expect(out.spec.template.spec.containers.map((c: any) => `${c.name}=${c.image}`)).toEqual(['side=busybox', 'nginx=nginx:2']);
  });

  it('merges finalizers as a set and deletes keys set to null', () => {
    expect(strategicMerge({ metadata: { finalizers: ['a'], labels: { x: '1' } } }, { metadata: { finalizers: ['b', 'a'], labels: { x: null } } })).toEqual({
      metadata: { finalizers: ['a', 'b'], labels: {} },
    });
  });
});
