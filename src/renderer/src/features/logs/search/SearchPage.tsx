/**
 * Searching log groups: the form, then the events found — or, for the same choice of groups and
 * pattern, a live tail. From any event: its context in its stream, or its whole Lambda invocation,
 * over the results, which stay as they were underneath for "Back". The search is kept in the location
 * hash, so a reload or a shared link runs it again.
 */
import { useCallback, useState } from 'react';
import type { FoundEvent } from '../../../../../shared/contract';
import { useViewParameters } from '../../../app/viewParameters';
import { EmptyState } from '../../../components/States';
import { ContextView } from '../context/ContextView';
import { InvocationDialog } from '../context/InvocationDialog';
import { DownloadDialog } from '../download/DownloadDialog';
import type { EventActions } from '../explorer/EventsPane';
import { TailPanel } from '../tail/TailPanel';
import { SearchForm } from './SearchForm';
import { rememberSearch } from './recentSearches';
import { SearchResults } from './SearchResults';
import { useRecentSearches } from './useRecentSearches';
import { tailRequestOf, toParameters, type SearchState } from './searchState';

interface Run {
  readonly mode: 'search' | 'tail';
  readonly search: SearchState;
  readonly at: number;
  /** A new run, even of the same search, starts afresh. */
  readonly id: number;
}

type Overlay = { readonly kind: 'context'; readonly event: FoundEvent } | { readonly kind: 'invocation'; readonly event: FoundEvent; readonly requestId: string };

interface SearchPageProps {
  readonly initial: SearchState;
  /** Run the initial search at once (it came from a link or a reload). */
  readonly runAtOnce: boolean;
}

let runs = 0;

export function SearchPage({ initial, runAtOnce }: SearchPageProps) {
  const [, setParameters] = useViewParameters('/logs');
  const [run, setRun] = useState<Run | undefined>(() => (runAtOnce ? { mode: 'search', search: initial, at: Date.now(), id: ++runs } : undefined));
  const [overlay, setOverlay] = useState<Overlay | undefined>(undefined);
  const [downloading, setDownloading] = useState<SearchState | undefined>(undefined);
  const [, updateRecent] = useRecentSearches();

  const start = useCallback(
    (mode: Run['mode'], search: SearchState) => {
      setOverlay(undefined);
      setRun({ mode, search, at: Date.now(), id: ++runs });
      const parameters = toParameters(search);
      setParameters(parameters);
      updateRecent((recent) => rememberSearch(recent, parameters.toString()));
    },
    [setParameters, updateRecent],
  );

  const actions: EventActions = {
    showContext: (event) => setOverlay({ kind: 'context', event }),
    showInvocation: (event, requestId) => setOverlay({ kind: 'invocation', event, requestId }),
  };

  return (
    <div className="search-page">
      <SearchForm
        initial={initial}
        onSearch={(search) => start('search', search)}
        onTail={(search) => start('tail', search)}
        onDownload={setDownloading}
      />
      <div className="search-results">
        {overlay?.kind === 'context' && <ContextView event={overlay.event} onBack={() => setOverlay(undefined)} actions={actions} />}
        <div className="search-results-body" hidden={overlay?.kind === 'context'}>
          {run === undefined ? (
            <EmptyState title="Search events of one or more log groups">
              Choose groups, a filter pattern (or none, for every event) and a time range, then Search — or Live tail to watch new events
              arrive. Every kind of CloudWatch filter pattern works: terms, &quot;phrases&quot;, {'{ $.json = "fields" }'}, [space, delimited,
              fields] and %regular expressions%.
            </EmptyState>
          ) : run.mode === 'search' ? (
            <SearchResults key={run.id} search={run.search} submittedAt={run.at} actions={actions} />
          ) : (
            <TailPanel
              key={run.id}
              request={tailRequestOf(run.search)}
              actions={actions}
              onDownload={({ startTime, endTime }) => setDownloading({ ...run.search, range: { kind: 'absolute', start: startTime, end: endTime } })}
            />
          )}
        </div>
      </div>
      {overlay?.kind === 'invocation' && (
        <InvocationDialog event={overlay.event} requestId={overlay.requestId} onClose={() => setOverlay(undefined)} />
      )}
      {downloading && <DownloadDialog search={downloading} onClose={() => setDownloading(undefined)} />}
    </div>
  );
}
