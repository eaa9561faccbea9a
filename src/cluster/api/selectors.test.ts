import { describe, expect, it } from 'vitest';
import { labelMatcher, labelSelectorMatcher, parseFieldSelector, parseLabelSelector } from './selectors';

const parseError = (s: string) => {
  try {
    parseLabelSelector(s);
  } catch (e) {
    return (e as Error).message;
  }
  return 'parsed';
};

describe('label selector parsing', () => {
  it('parses equality and set-based requirements, sorted by key', () => {
    expect(parseLabelSelector('tier in (web,db),app=nginx,!canary,env!=prod,x notin (a),y')).toEqual([
      { key: 'app', operator: '=', values: ['nginx'] },
      { key: 'canary', operator: '!', values: [] },
      { key: 'env', operator: '!=', values: ['prod'] },
      { key: 'tier', operator: 'in', values: ['db', 'web'] },
      { key: 'x', operator: 'notin', values: ['a'] },
      { key: 'y', operator: 'exists', values: [] },
    ]);
  });

  it('reports apimachinery parse errors verbatim', () => {
    expect(parseError('app in nginx')).toBe("unable to parse requirement: found 'nginx' expected: '('");
    expect(parseError('app=nginx,')).toBe("found '', expected: identifier after ','");
    expect(parseError('app=(x)')).toBe("unable to parse requirement: found '(', expected: identifier");
    expect(parseError('app nginx')).toBe("unable to parse requirement: found 'nginx', expected: in, notin, =, ==, !=, gt, lt");
    expect(parseError('=x')).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(parseError('app in (a b)')).toBe("unable to parse requirement: found 'b', expected: ',' or ')'");
    expect(parseError('app=a b')).toBe("found 'b', expected: ',' or 'end of string'");
  });

  it('rejects invalid label values with the validation message', () => {
    expect(parseError('app=-x')).toBe(
      "unable to parse requirement: values[0][app]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  });

  it('matches labels like the API server', () => {
    const m = labelMatcher('app=nginx,tier notin (db),!canary');
    expect(m({ app: 'nginx' })).toBe(true);
    expect(m({ app: 'nginx', tier: 'db' })).toBe(false);
    expect(m({ app: 'nginx', canary: '' })).toBe(false);
    expect(m(undefined)).toBe(false);
    expect(labelMatcher('')(undefined)).toBe(true);
  });

  it('turns matchLabels/matchExpressions into a matcher; a missing selector selects nothing', () => {
    const m = labelSelectorMatcher({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] });
    expect(m({ app: 'web', tier: 'b' })).toBe(true);
    expect(m({ app: 'web' })).toBe(false);
    expect(labelSelectorMatcher(undefined)({ app: 'web' })).toBe(false);
    expect(labelSelectorMatcher({})({ app: 'web' })).toBe(true);
  });
});

describe('field selector parsing', () => {
  it('parses =, == and != terms', () => {
    expect(parseFieldSelector('metadata.name=web-0,status.phase!=Running,spec.nodeName==n1')).toEqual([
      { field: 'metadata.name', operator: '=', value: 'web-0' },
      { field: 'status.phase', operator: '!=', value: 'Running' },
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
    ]);
  });

  it("fails on a term without operator with fields' error text", () => {
    expect(() => parseFieldSelector('metadata.name')).toThrow("invalid selector: 'metadata.name'; can't understand 'metadata.name'");
  });
});
