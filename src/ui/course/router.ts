/** Hash routes: they work from any sub-path and offline (no server rewrites). */
export type Route =
  | { name: 'home' }
  | { name: 'sandbox' }
  | { name: 'lesson'; id: string; step?: string };

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;

/** '#/lesson/02-first-statefulset/inspect' → the lesson route; anything unknown is home. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
  const parts = path === '' ? [] : path.split('/').map(safeDecode);
  if (parts[0] === 'sandbox' && parts.length === 1) return { name: 'sandbox' };
  if (parts[0] === 'lesson' && (parts.length === 2 || parts.length === 3) && parts.slice(1).every((p) => SEGMENT.test(p))) {
    return parts[2] ? { name: 'lesson', id: parts[1], step: parts[2] } : { name: 'lesson', id: parts[1] };
  }
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'sandbox':
      return '#/sandbox';
    case 'lesson':
      return `#/lesson/${encodeURIComponent(route.id)}${route.step ? `/${encodeURIComponent(route.step)}` : ''}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
