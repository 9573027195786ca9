/**
 * A live tail of one or more log groups: the session's state (Live Tail or polling and why, renewals,
 * failures), pause and resume, the table following the newest events until the reader scrolls up,
 * the rate, and notices for what is not shown (AWS's sample, events dropped to stay within memory).
 * The events are shown by the shared EventsPane: detail pane, find in loaded events, save loaded.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { FoundEvent } from '../../../../../shared/contract';
import { plural } from '../../../../../shared/format';
import { EventStore } from '../../../components/event-table/eventStore';
import { ArrowDownIcon, WarningIcon } from '../../../components/icons';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { EventsPane, type EventActions } from '../explorer/EventsPane';
import { formatRate, RATE_WINDOW_MS } from './rateMeter';
import { TailFeed } from './tailFeed';
import { limitsNote, tailNotices } from './tailNotices';
import { tailColumns, tailKey, tailSaveName, tailSubject, type TailRequest } from './tailRequest';
import { renewalText, statusDetail, statusTitle, type TailStatus } from './tailSession';
import { beforeNextFrame } from './beforeNextFrame';
import { useTail } from './useTail';
import './tail.css';

export interface TailPanelProps {
  /** What to tail. A different request (compared by value) ends this tail and starts a new one with an empty table. */
  readonly request: TailRequest;
  /** "Show in context" and "This invocation" in the detail pane, as for a search's events. */
  readonly actions?: EventActions;
  /**
   * Offered when the oldest events were dropped to stay within memory: download every event of the
   * tailed groups (same streams and pattern) from `startTime` to `endTime`, e.g. with the view's download dialog.
   */
  readonly onDownload?: (range: { readonly startTime: number; readonly endTime: number }) => void;
}

export function TailPanel(props: TailPanelProps) {
  return <TailSession key={tailKey(props.request)} {...props} />;
}

/** How often the rate and the notices that depend on the time are brought up to date. */
const TICK_MS = 1000;

function TailSession({ request: requested, actions, onDownload }: TailPanelProps) {
  // The panel keys a new session for a new request: this one keeps the request it started with.
  const [request] = useState(requested);
  const [store] = useState(() => new EventStore<FoundEvent>());
  const [feed] = useState(() => new TailFeed(store, { now: Date.now, scheduleFlush: beforeNextFrame }));
  const counts = useSyncExternalStore(
    useCallback((listener: () => void) => feed.subscribe(listener), [feed]),
    useCallback(() => feed.snapshot(), [feed]),
  );
  const { session, stop, start } = useTail(request, feed);
  const [columns, setColumns] = useState(() => tailColumns(request));
  const [following, setFollowing] = useState(true);
  const { zone } = useTimeZone();
  const [tick, setTick] = useState(() => ({ now: Date.now(), rate: 0 }));
  useEffect(() => {
    const update = () => setTick({ now: Date.now(), rate: feed.ratePerSecond() });
    const timer = setInterval(update, TICK_MS);
    const unsubscribe = feed.subscribe(update);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [feed]);

  const { status } = session;
  const running = status.kind === 'connecting' || status.kind === 'tailing';
  const subject = tailSubject(request);
  const detail = statusDetail(status, zone);
  const renewal = renewalText(session.renewals, zone);
  const notices = tailNotices({ feed: counts, kept: store.count + counts.waiting, ratePerSecond: tick.rate, now: tick.now, zone });

  const above = (
    <>
      {detail && <p className="events-line">{detail}</p>}
      {renewal && (
        <p className="events-line" role="status">
          {renewal}
        </p>
      )}
      {status.kind === 'failed' && <ErrorState inline error={status.error} context="The tail stopped" onRetry={start} />}
      {/* The lines below change with every count: screen readers hear only when the situation changes. */}
      <span className="visually-hidden" role="status">
        {notices.map((notice) => notice.headline).join(' ')}
      </span>
      {notices.map((notice) => (
        <div key={notice.kind} className="events-line events-line-warning" data-notice={notice.kind}>
          <WarningIcon />
          <span className="tail-notice-text">{notice.text}</span>
          {notice.kind === 'dropped' && onDownload && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => onDownload({ startTime: counts.earliestTimestamp ?? tick.now, endTime: Date.now() })}
            >
              Download the time range…
            </button>
          )}
        </div>
      ))}
    </>
  );

  const below = (
    <>
      {counts.paused && (
        <div className="events-line tail-waiting">
          <span role="status">Paused: new events are kept and added when you resume.</span>
          <button type="button" className="button" onClick={() => feed.resume()}>
            {plural(counts.waiting, 'new event')} — Resume
          </button>
        </div>
      )}
      {!following && !counts.paused && store.count > 0 && (
        <div className="events-line tail-waiting">
          <span>Scrolled up: the table stays where you are reading.</span>
          <button type="button" className="button" onClick={() => setFollowing(true)}>
            <ArrowDownIcon /> Jump to newest
          </button>
        </div>
      )}
      <p className="events-line tail-limits">{limitsNote(session.mode)}</p>
    </>
  );

  return (
    <section className="tail-panel" aria-label="Live tail">
      <div className="tail-bar">
        <span className="tail-indicator" data-state={indicatorOf(status, counts.paused)} aria-hidden="true" />
        <strong className="tail-status" role="status">
          {counts.paused && running ? `${statusTitle(status)} · paused` : statusTitle(status)}
        </strong>
        <span className="tail-subject mono" title={subject}>
          {subject}
        </span>
        {request.filterPattern && (
          <span className="tail-pattern mono" title="Filter pattern">
            {request.filterPattern}
          </span>
        )}
        <div className="toolbar-spacer" />
        {running && (
          <span className="tail-figure" title={`Events per second, over the last ${RATE_WINDOW_MS / 1000} seconds`}>
            {formatRate(tick.rate)}
          </span>
        )}
        <span className="tail-figure" title="Events received since the tail started">
          {plural(counts.received, 'event')}
        </span>
        {running && (
          <button type="button" className="button button-quiet" onClick={() => (counts.paused ? feed.resume() : feed.pause())}>
            {counts.paused ? 'Resume' : 'Pause'}
          </button>
        )}
        {running && (
          <button type="button" className="button button-quiet" onClick={stop}>
            Stop
          </button>
        )}
        {/* A failure offers Retry where retrying can help (the error state above the table). */}
        {status.kind === 'stopped' && (
          <button type="button" className="button" onClick={start}>
            Start again
          </button>
        )}
      </div>
      <EventsPane
        store={store}
        label={`Live tail of ${subject}`}
        columns={columns}
        onColumnsChange={setColumns}
        filterPattern={request.filterPattern}
        saveName={tailSaveName(request)}
        actions={actions}
        above={above}
        below={below}
        empty={emptyState(status)}
        followEnd={following}
        onFollowEndChange={setFollowing}
      />
    </section>
  );
}

function indicatorOf(status: TailStatus, paused: boolean): string {
  if (status.kind === 'tailing') return paused ? 'paused' : 'live';
  return status.kind;
}

function emptyState(status: TailStatus) {
  switch (status.kind) {
    case 'connecting':
      return <LoadingState label="Starting the tail…" />;
    case 'tailing':
      return (
        <EmptyState title="Waiting for new events">
          Events logged from now on appear here within 2 seconds{status.mode === 'polling' ? ', as each poll finds them' : ''}.
        </EmptyState>
      );
    case 'failed':
    case 'stopped':
      return <EmptyState title="No events arrived while the tail ran" />;
  }
}
