import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './router';

describe('router', () => {
  it('reads the home, sandbox, lesson and step routes', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/sandbox')).toEqual({ name: 'sandbox' });
    expect(parseRoute('#/lesson/02-first-statefulset')).toEqual({ name: 'lesson', id: '02-first-statefulset' });
    expect(parseRoute('#/lesson/02-first-statefulset/inspect')).toEqual({ name: 'lesson', id: '02-first-statefulset', step: 'inspect' });
  });

  it('ignores a trailing slash', () => {
    expect(parseRoute('#/lesson/05-scaling/')).toEqual({ name: 'lesson', id: '05-scaling' });
  });

  it('sends unknown or malformed routes home', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'home' });
    expect(parseRoute('#/lesson')).toEqual({ name: 'home' });
    expect(parseRoute('#/lesson/Bad Id')).toEqual({ name: 'home' });
    expect(parseRoute('#/lesson/a/b/c')).toEqual({ name: 'home' });
    expect(parseRoute('#/lesson/%E0%A4%A')).toEqual({ name: 'home' });
  });

  it('writes hashes that read back as the same route', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'sandbox' },
      { name: 'lesson', id: '04-stable-storage' },
      { name: 'lesson', id: '04-stable-storage', step: 'write-data' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(routeHash({ name: 'lesson', id: '05-scaling', step: 'scale-up' })).toBe('#/lesson/05-scaling/scale-up');
  });
});
