/**
 * Every alarm of the region by state, ALARM first (or by name or last change), while DescribeAlarms pages keep arriving: filters by
 * state, by a piece of the name (or, asked of AWS, names starting with it), and muted actions; composite
 * alarms open to show their children. Enter or a click opens an alarm.
 */
import { useDeferredValue, useMemo, useState, type RefObject } from 'react';
import type { Alarm, AlarmState, MetricAlarm } from '../../../../shared/contract';
import { formatCount, formatTimestamp, plural } from '../../../../shared/format';
import { useScope } from '../../app/scope';
import type { DataGridHandle } from '../../components/DataGrid';
import { PlusIcon } from '../../components/icons';
import { ListingProgress, useListingStop } from '../../components/ListingProgress';
import { Panel } from '../../components/Panel';
import { QueryStateBody } from '../../components/QueryStateBody';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useTimeZone } from '../../components/TimeZone';
import { searchTerms } from '../../components/textMatch';
import { alarmRows, DEFAULT_ALARM_SORT, nextAlarmSort, sortedAlarms, STATE_ORDER, stateCounts, type AlarmSort } from './alarmList';
import { STATE_LABELS } from './alarmText';
import { AlarmGrid } from './AlarmGrid';
import { compositeChildren } from './compositeChildren';
import type { useAlarmChanges } from './useAlarmChanges';
import { useAlarmList } from './useAlarmList';
import { useSparklines } from './useSparklines';

const NO_ALARMS: readonly Alarm[] = [];

interface AlarmListPanelProps {
  readonly hidden: boolean;
  readonly now: number;
  readonly onRefresh: () => void;
  readonly onOpen: (name: string) => void;
  readonly onCreate: () => void;
  readonly gridRef: RefObject<DataGridHandle | null>;
  /** The checks that keep the loaded alarms current (useAlarmChanges). */
  readonly live: ReturnType<typeof useAlarmChanges>;
}

export function AlarmListPanel({ hidden, now, onRefresh, onOpen, onCreate, gridRef, live }: AlarmListPanelProps) {
  const { zone } = useTimeZone();
  const { scope } = useScope();
  const [prefix, setPrefix] = useState('');
  const { query, stop } = useAlarmList(prefix);
  const { stopped, stopLoading, reload, clearStopped } = useListingStop(query.refetch, stop);
  const [text, setText] = useState('');
  const [states, setStates] = useState<ReadonlySet<AlarmState>>(new Set());
  const [mutedOnly, setMutedOnly] = useState(false);
  const [sort, setSort] = useState<AlarmSort>(DEFAULT_ALARM_SORT);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const list = useDeferredValue(query.data);
  const deferredText = useDeferredValue(text);
  const alarms = list?.alarms ?? NO_ALARMS;
  // `list` is a new object on each page while its array grows in place, so it is what these depend on.
  const byName = useMemo(() => new Map((list?.alarms ?? NO_ALARMS).map((alarm) => [alarm.name, alarm])), [list]);
  const counts = useMemo(() => stateCounts(list?.alarms ?? NO_ALARMS), [list]);
  const sorted = useMemo(() => sortedAlarms(list?.alarms ?? NO_ALARMS, { states, text: deferredText, mutedOnly }, sort), [list, states, deferredText, mutedOnly, sort]);
  const rows = useMemo(() => alarmRows(sorted, byName, expanded, compositeChildren), [sorted, byName, expanded]);
  const terms = useMemo(() => searchTerms(deferredText), [deferredText]);
  const loading = query.fetchStatus === 'fetching';
  // Kept here, not in the grid: the sparklines loaded stay while a filter empties the list and back.
  const [onScreen, setOnScreen] = useState<readonly MetricAlarm[]>([]);
  const sparklines = useSparklines(onScreen, now);
  const filtered = states.size > 0 || text.trim() !== '' || mutedOnly;

  function refresh() {
    onRefresh();
    reload();
  }

  const toggleState = (state: AlarmState) =>
    setStates((current) => {
      const next = new Set(current);
      if (next.has(state)) next.delete(state);
      else next.add(state);
      return next;
    });
  const toggleExpanded = (name: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <Panel
      label="Alarms"
      className="panel alarm-list-panel"
      hidden={hidden}
      search={{ label: 'Search alarms', placeholder: 'Filter by name — e.g. latency', value: text, onChange: setText, results: gridRef }}
      count={query.data === undefined ? '' : filtered ? `${formatCount(sorted.length)} of ${plural(alarms.length, 'alarm')}` : plural(alarms.length, 'alarm')}
      actions={
        <>
          <div className="segmented" role="group" aria-label="States">
            {STATE_ORDER.map((state) => (
              <button key={state} type="button" aria-pressed={states.has(state)} onClick={() => toggleState(state)}>
                {STATE_LABELS[state]} <span className="numeric">{formatCount(counts[state])}</span>
              </button>
            ))}
          </div>
          <label className="checkbox" title="Only alarms whose actions are disabled">
            <input type="checkbox" checked={mutedOnly} onChange={(event) => setMutedOnly(event.target.checked)} />
            Muted
          </label>
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={prefix !== ''}
            disabled={prefix === '' && text.trim() === ''}
            title="Ask AWS only for alarms whose names start with the search text (AlarmNamePrefix) — quicker in a region with many alarms"
            onClick={() => {
              clearStopped();
              setPrefix(prefix === '' ? text.trim() : '');
            }}
          >
            {prefix === '' ? 'Load names starting with this' : `Names starting with “${prefix}” — load all`}
          </button>
          <button type="button" className="button" onClick={onCreate}>
            <PlusIcon />
            Create alarm
          </button>
        </>
      }
      refresh={{ label: 'Refresh', onClick: refresh }}
      status={progress()}
    >
      <QueryStateBody
        query={query}
        loading={<LoadingState label={`Loading alarms in ${scope.region}…`} />}
        errorContext="Could not list alarms"
        onRetry={refresh}
        empty={alarms.length === 0 && !loading ? noAlarms() : null}
      >
        {rows.length === 0 ? (
          <EmptyState
            title="No alarm fits"
            actions={
              <button
                type="button"
                className="button"
                onClick={() => {
                  setStates(new Set());
                  setText('');
                  setMutedOnly(false);
                }}
              >
                Clear the filters
              </button>
            }
          >
            {`None of the ${plural(alarms.length, 'loaded alarm')} matches the state, name and muted filters.`}
          </EmptyState>
        ) : (
          <AlarmGrid rows={rows} terms={terms} now={now} sort={sort} onSort={(key) => setSort((current) => nextAlarmSort(current, key))} onOpen={onOpen} onToggle={toggleExpanded} sparklines={sparklines} onScreenChange={setOnScreen} handleRef={gridRef} />
        )}
      </QueryStateBody>
    </Panel>
  );

  function progress() {
    if (query.data === undefined) return null;
    const { pages, throttled } = query.data;
    return (
      <>
        {live.isError ? (
          <ErrorState inline error={live.error} context="Could not check the alarms for changes" onRetry={() => void live.refetch()} />
        ) : (
          live.data.checkedAt !== undefined && (
            <p className="progress-line muted">Kept current: changed alarms are read again each minute (last checked {formatTimestamp(live.data.checkedAt, zone, 'second')}).</p>
          )
        )}
        <ListingProgress
          loading={loading}
          stopped={stopped}
          loaded={plural(alarms.length, 'alarm')}
          paging={{ pages, throttled, covers: 'the filters cover what has arrived' }}
          error={query.isError ? query.error : undefined}
          failedContext="Listing stopped"
          onStop={stopLoading}
          onReload={refresh}
        />
      </>
    );
  }

  function noAlarms() {
    return (
      <EmptyState
        title={prefix === '' ? `No alarms in ${scope.region}` : `No alarm name starts with “${prefix}”`}
        actions={
          <>
            {prefix !== '' && (
              <button type="button" className="button button-quiet" onClick={() => setPrefix('')}>
                Load all alarms
              </button>
            )}
            <button type="button" className="button" onClick={onCreate}>
              Create alarm
            </button>
          </>
        }
      >
        Create an alarm here, or from a metric on the Metrics view’s graph or a log group’s metric filter. Or try another region from the header.
      </EmptyState>
    );
  }
}
