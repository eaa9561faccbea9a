import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { project, projectionSource } from './projection';

const cm = (data: Record<string, string>, binaryData: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data, binaryData });

describe('configMap and secret volume payloads', () => {
  it('projects every key sorted, binaryData decoded', () => {
    const source = projectionSource({ name: 'v', configMap: { name: 'c' } })!;
    expect(project(source, cm({ 'b.conf': 'B', 'a.conf': 'A' }, { 'bin.dat': 'aGk=' }))).toEqual({ ok: true, files: [['a.conf', 'A'], ['b.conf', 'B'], ['bin.dat', 'hi']] });
  });

  it('projects only listed items at their paths, in item order', () => {
    const source = projectionSource({ name: 'v', configMap: { name: 'c', items: [{ key: 'b', path: 'x/b.txt' }, { key: 'a', path: 'a.txt' }] } })!;
    expect(project(source, cm({ a: '1', b: '2', c: '3' }))).toEqual({ ok: true, files: [['x/b.txt', '2'], ['a.txt', '1']] });
  });

  it('uses each plugin\'s error text for a missing object or key', () => {
    const secret = projectionSource({ name: 'v', secret: { secretName: 's', items: [{ key: 'pw', path: 'pw' }] } })!;
    expect(project(secret, undefined)).toEqual({ ok: false, message: 'secret "s" not found' });
    expect(project(secret, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: {} })).toEqual({ ok: false, message: 'references non-existent secret key: pw' });
    const config = projectionSource({ name: 'v', configMap: { name: 'c', items: [{ key: 'k', path: 'k' }] } })!;
    expect(project(config, cm({}))).toEqual({ ok: false, message: 'configmap references non-existent config key: k' });
  });

  it('treats a missing optional object as empty', () => {
    const source = projectionSource({ name: 'v', secret: { secretName: 's', optional: true } })!;
    expect(project(source, undefined)).toEqual({ ok: true, files: [] });
  });
});
