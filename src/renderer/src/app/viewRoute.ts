/**
 * Which view is on screen, and that view's own state, kept in the location hash: "#/logs" names the
 * view, "#/logs?pattern=ERROR&range=-1h" adds what the view chose to keep there, so a reload (or a
 * link) opens the same search. The app opens on the view the hash names; switching views replaces the
 * hash rather than pushing it, so no browser history piles up for the browser's Back to compete with
 * the app's own (Alt+Left).
 */
import { useEffect, useState } from 'react';
import type { ViewDescriptor, ViewList } from './viewDescriptor';

/** The route part of a hash: "#/logs?x=1" → "/logs". */
export function routeOf(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0] ?? '';
}

/** The view a hash such as "#/logs" names, if any. */
export function viewForHash(hash: string, views: readonly ViewDescriptor[]): ViewDescriptor | undefined {
  const route = routeOf(hash);
  return views.find((view) => view.route === route);
}

export function hashFor(view: ViewDescriptor, parameters?: URLSearchParams): string {
  const query = parameters?.toString() ?? '';
  return `#${view.route}${query === '' ? '' : `?${query}`}`;
}

/** The view on screen, starting on the one the hash names (else the first), and a way to show another. */
export function useViewRoute(views: ViewList): [ViewDescriptor, (view: ViewDescriptor) => void] {
  const [current, setCurrent] = useState(() => viewForHash(window.location.hash, views) ?? views[0]);

  useEffect(() => {
    // Keep the view's own parameters while it stays on screen.
    if (routeOf(window.location.hash) !== current.route) window.history.replaceState(window.history.state, '', hashFor(current));
  }, [current]);

  useEffect(() => {
    // A hash that names no view is put back, so the hash always names the view on screen.
    const followHash = () => {
      const named = viewForHash(window.location.hash, views);
      if (named) setCurrent(named);
      else window.history.replaceState(window.history.state, '', hashFor(current));
    };
    window.addEventListener('hashchange', followHash);
    return () => window.removeEventListener('hashchange', followHash);
  }, [views, current]);

  return [current, setCurrent];
}
