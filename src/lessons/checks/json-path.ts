import { executeJsonPath, parseJsonPathTemplate } from '../../shell/programs/kubectl/output/jsonpath';
import { resolveResource } from '../resource-types';
import type { CheckKind, JsonPathCheck } from './types';
import { describeTarget, getObject } from './common';

/** A kubectl jsonpath template rendered against one object (or a list) equals, matches or is at least a value. */
export const jsonPath: CheckKind<JsonPathCheck> = {
  kind: 'jsonPath',
  fields: ['resource', 'name', 'selector', 'namespace', 'jsonPath', 'equals', 'matches', 'atLeast'],
  parse(f) {
    const template = f.string('jsonPath', true);
    if (template) {
      try {
        parseJsonPathTemplate(template);
      } catch (e) {
        f.problem('jsonPath', `not a valid jsonpath template: ${(e as Error).message}`);
      }
    }
    const parsed = {
      resource: f.string('resource', true),
      name: f.string('name'),
      selector: f.string('selector'),
      namespace: f.string('namespace'),
      jsonPath: template,
      equals: f.string('equals'),
      matches: f.regex('matches'),
      atLeast: f.number('atLeast'),
    };
    const comparisons = [parsed.equals, parsed.matches, parsed.atLeast].filter((v) => v !== undefined).length;
    if (comparisons !== 1) f.problem('equals', 'exactly one of equals, matches or atLeast is required');
    if (parsed.name !== undefined && parsed.selector !== undefined) f.problem('selector', 'use either name or selector, not both');
    return parsed;
  },
  watches: (c) => [c.resource],
  async evaluate(c, ctx) {
    let subject: unknown;
    let target: string;
    if (c.name !== undefined) {
      target = describeTarget(c.resource, c.name, c.namespace);
      subject = await getObject(ctx, c.resource, c.name, c.namespace);
      if (!subject) return { passed: false, detail: `${target} does not exist` };
    } else {
      const resolved = resolveResource(ctx.client, c.resource);
      const namespace = resolved.namespaced ? (c.namespace ?? ctx.namespace()) : undefined;
      target = `${c.resource}${c.selector ? ` matching ${c.selector}` : ''}`;
      subject = await ctx.client.list(resolved.type, { namespace, labelSelector: c.selector });
    }
    const value = executeJsonPath(c.jsonPath, subject);
    const shown = `${c.jsonPath} of ${target} is "${value}"`;
    if (c.equals !== undefined) return { passed: value === c.equals, detail: `${shown} (want "${c.equals}")` };
    if (c.matches !== undefined) return { passed: new RegExp(c.matches).test(value), detail: `${shown} (want /${c.matches}/)` };
    const n = Number(value);
    return { passed: value.trim() !== '' && n >= (c.atLeast ?? 0), detail: `${shown} (want at least ${c.atLeast})` };
  },
};
