import { parseRoute, routeHash, type Route } from './router';

/** The current hash route, kept in step with the address bar. */
export class CurrentRoute {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
  }

  go(route: Route): void {
    location.hash = routeHash(route);
  }

  /** Changes the address without a history entry (the step the engine moved to). */
  replace(route: Route): void {
    const hash = routeHash(route);
    if (location.hash === hash) return;
    history.replaceState(history.state, '', hash);
    this.route = route;
  }
}
