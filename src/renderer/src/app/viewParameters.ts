/**
 * A view's own state in the location hash, after its route: "#/logs?pattern=ERROR&range=-1h", so a
 * reload or a shared link opens the same search. Features read and write it here; the app frame keeps
 * the route part (viewRoute.ts).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { routeOf } from './viewRoute';

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
