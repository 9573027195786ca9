/**
 * Loaded events, however they were loaded (a stream read page by page, a search, a live tail, the
 * context of a match): the events table with its detail pane, finding text in what is loaded (in a
 * worker), wrap and time zone, and saving what is loaded to a file. What loads the events, and the
 * lines above and below the table that say how loading goes, belong to the caller.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { FoundEvent } from '../../../../../shared/contract';
import { formatCount } from '../../../../../shared/format';
import { highlightRanges, parseFilterPattern } from '../../../../../shared/languages/filter-pattern';
import { DetailPane } from '../../../components/detail-pane/DetailPane';
import { adjacentMatch, matchNumber } from '../../../components/event-search/searchQuery';
import { useLoadedSearch } from '../../../components/event-search/useLoadedSearch';
import { hasFieldColumn, withFieldColumn, withoutColumn, type EventColumn } from '../../../components/event-table/columns';
import type { EventStore, RowKey } from '../../../components/event-table/eventStore';
import { EventTable, type EventTableHandle } from '../../../components/event-table/EventTable';
import { useEventView } from '../../../components/event-table/useEventView';
import { SearchField } from '../../../components/SearchField';
import { TimeZoneToggle } from '../../../components/TimeZoneToggle';
import { isLambdaGroup, lambdaRequestId } from './lambdaRequestId';
import { SaveEventsButton } from './SaveEventsButton';
import './explorer.css';

export interface EventActions {
  /** "Show in context": the events around it in its stream. */
  readonly showContext?: (event: FoundEvent) => void;
  /** "This invocation": every line of the Lambda request the event belongs to. */
  readonly showInvocation?: (event: FoundEvent, requestId: string) => void;
}

interface EventsPaneProps {
  readonly store: EventStore<FoundEvent>;
  /** The table's accessible name, e.g. "Events of /aws/lambda/orders-api". */
  readonly label: string;
  readonly columns: readonly EventColumn[];
  readonly onColumnsChange: (columns: readonly EventColumn[]) => void;
  /** The pattern the events were found with: its terms are highlighted. */
  readonly filterPattern?: string;
  /** The file name a save suggests, without extension. */
  readonly saveName: string;
  readonly actions?: EventActions;
  /** Lines above and below the table: how loading goes, "load older", notices. */
  readonly above?: ReactNode;
  readonly below?: ReactNode;
  readonly empty?: ReactNode;
  readonly startAt?: 'start' | 'end';
  readonly markedKey?: RowKey;
  /** The row to show (centred, focused) once the table is drawn, e.g. the match in a context view. */
  readonly initialKey?: RowKey;
  readonly onNearStart?: () => void;
  readonly onNearEnd?: () => void;
  readonly followEnd?: boolean;
  readonly onFollowEndChange?: (following: boolean) => void;
  /** The table, for callers that move to a row themselves (e.g. the row at a time jumped to). */
  readonly tableRef?: RefObject<EventTableHandle | null>;
}

export function EventsPane(props: EventsPaneProps) {
  const { store, label, columns, onColumnsChange, filterPattern = '', saveName, actions } = props;
  const ownTable = useRef<EventTableHandle>(null);
  const table = props.tableRef ?? ownTable;
  const [wrap, setWrap] = useState(true);
  const [findText, setFindText] = useState('');
  const deferredFind = useDeferredValue(findText);
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [open, setOpen] = useState<{ key: RowKey; event: FoundEvent } | undefined>(undefined);
  const [activeKey, setActiveKey] = useState<RowKey | undefined>(undefined);
  const found = useLoadedSearch(store);
  const matches = deferredFind.trim() !== '' && found.state.status === 'done' ? found.state.keys : undefined;
  const view = useEventView(store, onlyMatches ? matches : undefined);

  const { search, clear } = found;
  const initialKey = props.initialKey;
  useEffect(() => {
    if (initialKey !== undefined) requestAnimationFrame(() => table.current?.scrollToKey(initialKey, { align: 'center', focus: true }));
  }, [initialKey, table]);
  useEffect(() => {
    if (deferredFind.trim() === '') clear();
    else search({ kind: 'text', text: deferredFind });
  }, [deferredFind, search, clear]);

  const highlightsFor = useMemo(() => {
    const parsed = parseFilterPattern(filterPattern);
    if (!parsed.ok || parsed.pattern.kind === 'all') return undefined;
    const pattern = parsed.pattern;
    return (event: FoundEvent) => highlightRanges(pattern, event.message);
  }, [filterPattern]);

  function jump(direction: 'next' | 'previous') {
    const key = matches && adjacentMatch(matches, activeKey, direction);
    if (key !== undefined) table.current?.scrollToKey(key, { align: 'center', focus: false });
  }

  const requestId = open && isLambdaGroup(open.event.logGroupName) ? lambdaRequestId(open.event.message) : undefined;
  const eventActions = open && (actions?.showContext || (requestId && actions?.showInvocation)) && (
    <>
      {actions?.showContext && (
        <button type="button" className="button button-quiet" onClick={() => actions.showContext?.(open.event)}>
          Show in context
        </button>
      )}
      {requestId && actions?.showInvocation && (
        <button type="button" className="button button-quiet" onClick={() => actions.showInvocation?.(open.event, requestId)}>
          This invocation
        </button>
      )}
    </>
  );

  return (
    <div className="events-pane-frame">
      <div className="events-find">
        <SearchField
          label="Find in loaded events"
          placeholder="Find in loaded events"
          value={findText}
          onChange={setFindText}
          onEnter={() => jump('next')}
          onArrowDown={() => table.current?.focusActiveRow()}
        />
        <button type="button" className="button button-quiet" onClick={() => jump('previous')} disabled={!matches?.length}>
          Previous
        </button>
        <button type="button" className="button button-quiet" onClick={() => jump('next')} disabled={!matches?.length}>
          Next
        </button>
        <span className="events-find-count" role="status">
          {findStatus()}
        </span>
        <label className="checkbox">
          <input type="checkbox" checked={onlyMatches} onChange={(event) => setOnlyMatches(event.target.checked)} />
          Only matches
        </label>
        <div className="toolbar-spacer" />
        <label className="checkbox">
          <input type="checkbox" checked={wrap} onChange={(event) => setWrap(event.target.checked)} />
          Wrap lines
        </label>
        <TimeZoneToggle />
        <SaveEventsButton store={store} saveName={saveName} />
      </div>
      {props.above}
      <div className="events-split" data-detail={open !== undefined || undefined}>
        <EventTable
          view={view}
          columns={columns}
          label={label}
          wrap={wrap}
          highlightsFor={highlightsFor}
          markedKey={props.markedKey}
          startAt={props.startAt}
          onNearStart={onlyMatches ? undefined : props.onNearStart}
          onNearEnd={onlyMatches ? undefined : props.onNearEnd}
          followEnd={props.followEnd}
          onFollowEndChange={props.onFollowEndChange}
          onOpen={(key, event) => setOpen({ key, event })}
          onActiveChange={(key, event) => {
            setActiveKey(key);
            setOpen((current) => (current ? { key, event } : current));
          }}
          onRemoveColumn={(column) => onColumnsChange(withoutColumn(columns, column))}
          empty={onlyMatches && matches ? <p className="events-note">No loaded event contains “{deferredFind.trim()}”.</p> : props.empty}
          handleRef={table}
        />
        {open && (
          <DetailPane
            key={open.key}
            event={open.event}
            highlights={highlightsFor?.(open.event)}
            onClose={() => setOpen(undefined)}
            returnFocus={() => table.current?.focusActiveRow()}
            onAddColumn={(path) => onColumnsChange(withFieldColumn(columns, path))}
            hasColumn={(path) => hasFieldColumn(columns, path)}
            actions={eventActions}
          />
        )}
      </div>
      {props.below}
    </div>
  );

  function findStatus(): string {
    if (deferredFind.trim() === '') return '';
    if (found.state.status === 'searching') return 'Finding…';
    if (found.state.status === 'failed') return found.state.message;
    if (!matches) return '';
    if (matches.length === 0) return 'No match in the loaded events';
    const at = matchNumber(matches, activeKey);
    return at === 0 ? `${formatCount(matches.length)} matches` : `${formatCount(at)} of ${formatCount(matches.length)}`;
  }
}
