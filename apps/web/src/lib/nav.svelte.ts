// The current route as reactive state, driven by the History API. Links stay real <a href> elements
// (so middle-click and "copy link" work); plain left clicks are intercepted and routed in place.

import { parseRoute, type Route } from "./router";

class Nav {
  route = $state<Route>(parseRoute(location.pathname, location.search));

  constructor() {
    addEventListener(
      "popstate",
      () => (this.route = parseRoute(location.pathname, location.search)),
    );
  }

  go(path: string, opts: { replace?: boolean } = {}): void {
    if (path === location.pathname + location.search) return;
    if (opts.replace) history.replaceState(null, "", path);
    else history.pushState(null, "", path);
    this.route = parseRoute(location.pathname, location.search);
  }
}

export const nav = new Nav();

/** Click handler for in-app links: lets modified clicks (new tab, etc.) through to the browser. */
export function linkClick(e: MouseEvent): void {
  const a = (e.currentTarget as HTMLElement).closest("a");
  if (
    !a ||
    e.defaultPrevented ||
    e.button !== 0 ||
    e.metaKey ||
    e.ctrlKey ||
    e.shiftKey ||
    e.altKey
  )
    return;
  e.preventDefault();
  nav.go(a.getAttribute("href") ?? "/app");
}
