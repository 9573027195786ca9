/**
 * Which view is on screen, and that view's own state, kept in the location hash: "#/logs" names the
 * view, "#/logs?pattern=ERROR&range=-1h" adds what the view chose to keep there, so a reload (or a
 * link) opens the same search. The app opens on the view the hash names; switching views replaces the
 * hash rather than pushing it, so no browser history piles up for the browser's Back to compete with
 * the app's own (Alt+Left).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ViewDescriptor, ViewList } from './viewDescriptor';

/** The route part of a hash: "#/logs?x=1" → "/logs". */
function routeOf(hash: string): string {
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

const hashListeners = new Set<() => void>();

function subscribeToHash(listener: () => void): () => void {
  hashListeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    hashListeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

/** The parameters a view keeps in the hash while it is on screen: "#/logs?pattern=ERROR" → pattern=ERROR. */
export function parametersOf(hash: string, route: string): URLSearchParams {
  if (routeOf(hash) !== route) return new URLSearchParams();
  const query = hash.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : hash.slice(query + 1));
}

/**
 * A view's own state in the hash, as text (compare it, parse it with `parametersOf`), and a way to
 * replace it. Writing does nothing while another view is on screen.
 */
export function useViewParameters(route: `/${string}`): [string, (parameters: URLSearchParams) => void] {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash);
  const query = parametersOf(hash, route).toString();
  const replace = useCallback(
    (parameters: URLSearchParams) => {
      if (routeOf(window.location.hash) !== route) return;
      const query = parameters.toString();
      const next = `#${route}${query === '' ? '' : `?${query}`}`;
      if (window.location.hash === next) return;
      window.history.replaceState(window.history.state, '', next);
      // replaceState fires no hashchange: tell the readers.
      for (const listener of hashListeners) listener();
    },
    [route],
  );
  return [query, replace];
}
