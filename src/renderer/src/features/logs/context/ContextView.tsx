/**
 * A found event among its neighbours: the events before and after it in its own stream, the event
 * itself marked, with earlier and later events a scroll away (GetLogEvents with the tokens `logs.context`
 * hands back). Opened from a search result or a live tail; "Back" returns to them as they were.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FoundEvent, LogEvent } from '../../../../../shared/contract';
import { formatTimestamp } from '../../../../../shared/format';
import { useScope } from '../../../app/scope';
import type { EventColumn } from '../../../components/event-table/columns';
import { EventStore, type RowKey } from '../../../components/event-table/eventStore';
import { BackIcon } from '../../../components/icons';
import { ErrorState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { EventsPane, type EventActions } from '../explorer/EventsPane';
import { streamSaveName } from '../explorer/saveName';
import { STREAM_COLUMNS } from '../events/columns';
import { eventsRequest, isCaughtUp, newerPageParam, olderPageParam, type EventPageParam } from '../events/eventPaging';
import { logsKeys } from '../logsKeys';

/** Events on either side of the match, to begin with. */
const AROUND = 50;
const PAGE = 500;

interface ContextViewProps {
  readonly event: FoundEvent;
  readonly onBack: () => void;
  readonly actions?: EventActions;
}

export function ContextView({ event, onBack, actions }: ContextViewProps) {
  const { key } = useScope();
  const { zone } = useTimeZone();
  const { logGroupName, logStreamName, timestamp, message } = event;
  const query = useQuery({
    queryKey: logsKeys.context(key, logGroupName, logStreamName, timestamp, message),
    queryFn: () => window.api.logs.context({ logGroupName, logStreamName, timestamp, message, before: AROUND, after: AROUND }),
    staleTime: 0,
    gcTime: 0,
  });
  const backRef = useRef<HTMLButtonElement>(null);

  return (
    <section className="context-view" aria-label={`Context of the event at ${formatTimestamp(timestamp, zone)}`}>
      <div className="events-line context-header">
        <button ref={backRef} type="button" className="button button-quiet" onClick={onBack}>
          <BackIcon />
          Back to the results
        </button>
        <span>
          Around {formatTimestamp(timestamp, zone)}
          {zone === 'utc' && ' UTC'} in <span className="mono">{logStreamName}</span> of <span className="mono">{logGroupName}</span>
        </span>
      </div>
      {query.data ? (
        <LoadedContext key={query.dataUpdatedAt} group={logGroupName} stream={logStreamName} context={query.data} actions={actions} />
      ) : query.isError ? (
        <ErrorState error={query.error} context="Could not load the events around it" onRetry={() => void query.refetch()} />
      ) : (
        <LoadingState label="Loading the events around it…" />
      )}
    </section>
  );
}

interface LoadedContextProps {
  readonly group: string;
  readonly stream: string;
  readonly context: { readonly events: readonly LogEvent[]; readonly matchIndex: number | null; readonly olderToken?: string; readonly newerToken?: string };
  readonly actions?: EventActions;
}

function LoadedContext({ group, stream, context, actions }: LoadedContextProps) {
  const store = useMemo(() => {
    const created = new EventStore<FoundEvent>();
    created.append(withSource(context.events, group, stream));
    return created;
  }, [context, group, stream]);
  const markedKey: RowKey | undefined = context.matchIndex === null ? undefined : store.keyAt(context.matchIndex);
  const [columns, setColumns] = useState<readonly EventColumn[]>(STREAM_COLUMNS);
  const older = useStreamPaging(store, group, stream, context.olderToken, 'older');
  const newer = useStreamPaging(store, group, stream, context.newerToken, 'newer');

  return (
    <EventsPane
      store={store}
      label={`Events around the match in ${stream}`}
      columns={columns}
      onColumnsChange={setColumns}
      saveName={streamSaveName(group, stream, 'context')}
      actions={actions}
      markedKey={markedKey}
      initialKey={markedKey}
      onNearStart={() => void older.load()}
      onNearEnd={() => void newer.load()}
      above={<PagingLine which="older" paging={older} />}
      below={<PagingLine which="newer" paging={newer} />}
    />
  );
}

function withSource(events: readonly LogEvent[], logGroupName: string, logStreamName: string): FoundEvent[] {
  return events.map((found) => ({ ...found, logGroupName, logStreamName }));
}

interface StreamPaging {
  readonly load: () => Promise<void>;
  readonly loading: boolean;
  readonly error: unknown;
  readonly done: boolean;
}

/**
 * Reads on from the context's edge, older (prepended) or newer (appended), a page at a time, by the
 * stream viewer's paging rules, until the stream's start, or until AWS has nothing newer yet.
 */
function useStreamPaging(store: EventStore<FoundEvent>, group: string, stream: string, initialToken: string | undefined, which: 'older' | 'newer'): StreamPaging {
  const [param, setParam] = useState<EventPageParam | undefined>(initialToken === undefined ? undefined : { direction: which, token: initialToken });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [caughtUp, setCaughtUp] = useState(false);
  const load = useCallback(async () => {
    if (loading || param === undefined || caughtUp) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await window.api.logs.getEvents({ logGroupName: group, logStreamName: stream, limit: PAGE, ...eventsRequest(param) });
      const events = withSource(page.events, group, stream);
      if (which === 'newer') {
        store.append(events);
        setCaughtUp(isCaughtUp(page, param));
        setParam(newerPageParam(page, param));
      } else {
        store.prepend(events);
        setParam(olderPageParam(page, param));
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, [loading, param, caughtUp, which, store, group, stream]);
  return { load, loading, error, done: param === undefined || caughtUp };
}

function PagingLine({ which, paging }: { readonly which: 'older' | 'newer'; readonly paging: StreamPaging }) {
  if (paging.error !== undefined) return <ErrorState inline error={paging.error} context={`Could not load ${which} events`} onRetry={() => void paging.load()} />;
  return (
    <div className="events-line">
      {paging.loading ? (
        <>
          <span className="spinner spinner-small" aria-hidden="true" />
          <span>Loading {which} events…</span>
        </>
      ) : paging.done ? (
        <span>{which === 'older' ? 'The start of the stream' : 'The newest event of the stream so far'}</span>
      ) : (
        <button type="button" className="link-button" onClick={() => void paging.load()}>
          Load {which} events
        </button>
      )}
    </div>
  );
}
