/** The Logs view's downloads, shared by the pages that start them and the bar that shows them. */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { Downloads } from './downloads';

const DownloadsContext = createContext<Downloads | null>(null);

export function DownloadsProvider({ children }: { readonly children: ReactNode }) {
  const downloads = useMemo(() => new Downloads((request, listener) => window.api.logs.download(request, listener)), []);
  // Leaving the view (a scope switch remounts it) stops what is still running.
  useEffect(() => () => downloads.getAll().forEach((download) => downloads.cancel(download.id)), [downloads]);
  return <DownloadsContext.Provider value={downloads}>{children}</DownloadsContext.Provider>;
}

export function useDownloads(): Downloads {
  const downloads = useContext(DownloadsContext);
  if (!downloads) throw new Error('useDownloads is used outside a DownloadsProvider.');
  return downloads;
}
