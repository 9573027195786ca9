/**
 * Which view is on screen, kept in the location hash ("#/logs"): the app opens on the view the hash
 * names, and a link to "#/insights" shows that view. Switching views replaces the hash rather than
 * pushing it, so no browser history piles up for the browser's Back to compete with the app's own
 * (Alt+Left).
 */
import { useEffect, useState } from 'react';
import type { ViewDescriptor, ViewList } from './viewDescriptor';

/** The view a hash such as "#/logs" names, if any. */
export function viewForHash(hash: string, views: readonly ViewDescriptor[]): ViewDescriptor | undefined {
  const route = hash.replace(/^#/, '');
  return views.find((view) => view.route === route);
}

export function hashFor(view: ViewDescriptor): string {
  return `#${view.route}`;
}

/** The view on screen, starting on the one the hash names (else the first), and a way to show another. */
export function useViewRoute(views: ViewList): [ViewDescriptor, (view: ViewDescriptor) => void] {
  const [current, setCurrent] = useState(() => viewForHash(window.location.hash, views) ?? views[0]);

  useEffect(() => {
    const hash = hashFor(current);
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
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
