import { describe, expect, it } from 'vitest';
import { LAST_APPLIED, lastAppliedValue } from './last-applied';

describe('the last-applied-configuration kubectl apply records', () => {
  it('keeps an empty annotations map for an object that has none, as kubectl does', () => {
    expect(lastAppliedValue({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: 'b' } })).toBe(
      '{"apiVersion":"v1","data":{"a":"b"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n',
    );
  });

  it('leaves out its own previous value and keeps the other annotations', () => {
    expect(
      lastAppliedValue({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', annotations: { team: 'db', [LAST_APPLIED]: '{}' } } }),
    ).toBe('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"team":"db"},"name":"cfg"}}\n');
  });
});
