/**
 * Every line of one Lambda invocation — START, what the function logged, END and REPORT — found by
 * its request id in the event's stream. Opened from an event; "Back" returns to where it was opened.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { FoundEvent } from '../../../../../shared/contract';
import { plural } from '../../../../../shared/format';
import { useScope } from '../../../app/scope';
import { DEFAULT_COLUMNS, type EventColumn } from '../../../components/event-table/columns';
import { EventStore } from '../../../components/event-table/eventStore';
import { BackIcon } from '../../../components/icons';
import { ErrorState, LoadingState } from '../../../components/States';
import { EventsPane, type EventActions } from '../explorer/EventsPane';
import { logsKeys } from '../logsKeys';

interface InvocationViewProps {
  readonly event: FoundEvent;
  readonly requestId: string;
  readonly onBack: () => void;
  readonly actions?: EventActions;
}

export function InvocationView({ event, requestId, onBack, actions }: InvocationViewProps) {
  const { key } = useScope();
  const { logGroupName, logStreamName, timestamp } = event;
  const query = useQuery({
    queryKey: logsKeys.invocation(key, logGroupName, logStreamName, requestId),
    queryFn: () => window.api.logs.invocation({ logGroupName, logStreamName, requestId, timestamp }),
  });

  return (
    <section className="context-view" aria-label={`Invocation ${requestId}`}>
      <div className="events-line context-header">
        <button type="button" className="button button-quiet" onClick={onBack}>
          <BackIcon />
          Back
        </button>
        <span>
          Invocation <span className="mono">{requestId}</span> in <span className="mono">{logStreamName}</span>
          {query.data && ` — ${plural(query.data.events.length, 'line')}`}
        </span>
      </div>
      {query.data ? (
        <InvocationEvents key={query.dataUpdatedAt} events={query.data.events} requestId={requestId} marked={event} actions={actions} />
      ) : query.isError ? (
        <ErrorState error={query.error} context="Could not load the invocation" onRetry={() => void query.refetch()} />
      ) : (
        <LoadingState label="Finding every line of the invocation…" />
      )}
    </section>
  );
}

interface InvocationEventsProps {
  readonly events: readonly FoundEvent[];
  readonly requestId: string;
  readonly marked: FoundEvent;
  readonly actions?: EventActions;
}

function InvocationEvents({ events, requestId, marked, actions }: InvocationEventsProps) {
  const store = useMemo(() => {
    const created = new EventStore<FoundEvent>();
    created.append(events);
    return created;
  }, [events]);
  const markedIndex = events.findIndex((candidate) => candidate.timestamp === marked.timestamp && candidate.message === marked.message);
  const markedKey = markedIndex < 0 ? undefined : store.keyAt(markedIndex);
  const [columns, setColumns] = useState<readonly EventColumn[]>(DEFAULT_COLUMNS.filter((column) => column.kind !== 'stream'));
  return (
    <EventsPane
      store={store}
      label={`Lines of invocation ${requestId}`}
      columns={columns}
      onColumnsChange={setColumns}
      saveName={`invocation-${requestId}`}
      actions={{ showContext: actions?.showContext }}
      markedKey={markedKey}
      initialKey={markedKey}
      empty={<p className="events-note">No line of this invocation was found within 15 minutes of the event.</p>}
    />
  );
}
