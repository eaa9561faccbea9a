import type { CheckKind, ResourceExistsCheck, ResourceGoneCheck } from './types';
import { describeTarget, getObject, isTerminating } from './common';

/** The object exists and is not being deleted; optionally it is a new object since the step began. */
export const resourceExists: CheckKind<ResourceExistsCheck> = {
  kind: 'resourceExists',
  fields: ['resource', 'name', 'namespace', 'recreated'],
  parse: (f) => ({
    resource: f.string('resource', true),
    name: f.string('name', true),
    namespace: f.string('namespace'),
    recreated: f.boolean('recreated'),
  }),
  watches: (c) => [c.resource],
  async baseline(c, ctx) {
    return (await getObject(ctx, c.resource, c.name, c.namespace))?.metadata.uid;
  },
  async evaluate(c, ctx, baseline) {
    const target = describeTarget(c.resource, c.name, c.namespace);
    const object = await getObject(ctx, c.resource, c.name, c.namespace);
    if (!object) return { passed: false, detail: `${target} does not exist` };
    if (isTerminating(object)) return { passed: false, detail: `${target} is being deleted` };
    if (c.recreated && object.metadata.uid === baseline) {
      return { passed: false, detail: `${target} is still the same object (uid ${String(baseline)})` };
    }
    return { passed: true, detail: c.recreated ? `${target} was recreated` : `${target} exists` };
  },
};

/** The object is gone from the API (a terminating object still counts as present). */
export const resourceGone: CheckKind<ResourceGoneCheck> = {
  kind: 'resourceGone',
  fields: ['resource', 'name', 'namespace'],
  parse: (f) => ({ resource: f.string('resource', true), name: f.string('name', true), namespace: f.string('namespace') }),
  watches: (c) => [c.resource],
  async evaluate(c, ctx) {
    const target = describeTarget(c.resource, c.name, c.namespace);
    const object = await getObject(ctx, c.resource, c.name, c.namespace);
    if (!object) return { passed: true, detail: `${target} is gone` };
    return { passed: false, detail: isTerminating(object) ? `${target} is still terminating` : `${target} still exists` };
  },
};
