/**
 * How a long listing goes once its first page is there: still loading (with Stop), stopped part way
 * (with Load all), or failed part way — the lines under a panel's toolbar.
 */
import { useState } from 'react';
import { plural } from '../../../shared/format';
import { StopIcon } from './icons';
import { ErrorState } from './States';

interface ListingProgressProps {
  readonly loading: boolean;
  readonly stopped: boolean;
  /** What is loaded so far, counted: "1,250 log groups". */
  readonly loaded: string;
  /** A listing that pages through AWS: its pages and retried throttles so far, and what the filters cover meanwhile. */
  readonly paging?: { readonly pages: number; readonly throttled: number; readonly covers: string };
  /** The failure of a later page, if any. */
  readonly error?: unknown;
  readonly failedContext: string;
  readonly onStop: () => void;
  readonly onReload: () => void;
}

export function ListingProgress({ loading, stopped, loaded, paging, error, failedContext, onStop, onReload }: ListingProgressProps) {
  return (
    <>
      {loading && (
        <div className="progress-line" role="status">
          <span className="spinner spinner-small" aria-hidden="true" />
          <span>{paging ? pagedLoadingText(loaded, paging.pages, paging.throttled, paging.covers) : `Loading… ${loaded} so far`}</span>
          <button type="button" className="link-button" onClick={onStop}>
            <StopIcon />
            Stop
          </button>
        </div>
      )}
      {!loading && stopped && (
        <div className="progress-line progress-line-warning" role="status">
          <span>Stopped after {loaded} — the list is incomplete.</span>
          <button type="button" className="link-button" onClick={onReload}>
            Load all
          </button>
        </div>
      )}
      {error !== undefined && <ErrorState inline error={error} context={`${failedContext} after ${loaded}`} onRetry={onReload} />}
    </>
  );
}

/** The loading line of a listing that pages through AWS: "Loading… 1,200 alarms so far (12 pages, 1 throttled call retried); {covers}." */
function pagedLoadingText(loaded: string, pages: number, throttled: number, covers: string): string {
  return `Loading… ${loaded} so far (${plural(pages, 'page')}${throttled > 0 ? `, ${plural(throttled, 'throttled call')} retried` : ''}); ${covers}.`;
}

/**
 * The Stop / Load all state of a listing that streams its pages: `stopLoading` cancels the pages still to come
 * and the list says it is incomplete until `reload` lists again (or the listing changes: `clearStopped`).
 */
export function useListingStop(refetch: () => Promise<unknown>, stop: () => Promise<unknown>) {
  const [stopped, setStopped] = useState(false);
  return {
    stopped,
    stopLoading: () => {
      setStopped(true);
      void stop();
    },
    reload: () => {
      setStopped(false);
      void refetch();
    },
    clearStopped: () => setStopped(false),
  };
}
