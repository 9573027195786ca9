/**
 * The alarms as a keyboard-navigable, virtualized grid drawn straight from the rows (10,000 alarms cost
 * only the rows on screen): state, name, a sparkline of the metric with its threshold (asked for the
 * rows on screen only), the condition in words, the last change, muted actions; sorted by state, name or
 * last change from their headers. Arrow keys move, Enter or a click opens; on a composite alarm Right/Left
 * (or its toggle) show and hide its children.
 */
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { Alarm, MetricAlarm } from '../../../../shared/contract';
import { formatAge, formatTimestamp } from '../../../../shared/format';
import type { DataGridHandle } from '../../components/DataGrid';
import { Highlight } from '../../components/Highlight';
import { ChevronDownIcon, ChevronRightIcon } from '../../components/icons';
import { SortableHeaderCell } from '../../components/SortableHeaderCell';
import { VirtualGridRow } from '../../components/VirtualGridRow';
import { useTimeZone } from '../../components/TimeZone';
import { useVirtualRows } from '../../components/useVirtualRows';
import { changedAt, rowKey, type AlarmRow, type AlarmSort, type AlarmSortKey } from './alarmList';
import { alarmSummary } from './alarmText';
import { Sparkline } from './Sparkline';
import { StateBadge } from './StateBadge';
import type { Sparklines } from './useSparklines';
import '../../components/DataGrid.css';

const ROW_HEIGHT = 34;
const COLUMNS: readonly { readonly title: string; readonly sortKey?: AlarmSortKey }[] = [
  { title: 'State', sortKey: 'state' },
  { title: 'Name', sortKey: 'name' },
  { title: 'Last 3 hours' },
  { title: 'Condition' },
  { title: 'Last change', sortKey: 'changed' },
  { title: 'Actions' },
];
const GRID_COLUMNS = '10.5rem minmax(12rem, 1.2fr) 130px minmax(14rem, 1.6fr) 14.5rem 6.5rem';

interface AlarmGridProps {
  readonly rows: readonly AlarmRow[];
  readonly terms: readonly string[];
  readonly now: number;
  readonly sort: AlarmSort;
  readonly onSort: (key: AlarmSortKey) => void;
  readonly onOpen: (name: string) => void;
  readonly onToggle: (name: string) => void;
  /** The sparklines loaded so far, and the span they cover. */
  readonly sparklines: Sparklines;
  /** Told which metric alarms are on screen, whenever other rows come into view. */
  readonly onScreenChange: (alarms: readonly MetricAlarm[]) => void;
  readonly handleRef?: Ref<DataGridHandle>;
  readonly footer?: ReactNode;
}

export function AlarmGrid({ rows, terms, now, sort, onSort, onOpen, onToggle, sparklines, onScreenChange, handleRef, footer }: AlarmGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { zone } = useTimeZone();
  const getItemKey = useCallback((index: number) => (rows[index] ? rowKey(rows[index]) : index), [rows]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const { virtualizer, activeIndex, setActiveIndex, focusRow, onNavigationKey } = useVirtualRows({ count: rows.length, scrollRef, estimateSize, getItemKey, handleRef });

  const items = virtualizer.getVirtualItems();
  const onScreenKey = items.map((item) => getItemKey(item.index)).join('\n');
  // A new array only when other rows come on screen: the sparklines ask once the list stops scrolling.
  const onScreen = useMemo(
    () =>
      items.flatMap((item): MetricAlarm[] => {
        const alarm = rowAlarm(rows[item.index]);
        return alarm?.kind === 'metric' ? [alarm] : [];
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `onScreenKey` says when `items` show other rows.
    [onScreenKey, rows],
  );
  useEffect(() => onScreenChange(onScreen), [onScreen, onScreenChange]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (onNavigationKey(event)) return;
    const row = rows[activeIndex];
    if (!row) return;
    const alarm = rowAlarm(row);
    if (event.key === 'Enter' && alarm) {
      event.preventDefault();
      onOpen(alarm.name);
    } else if (row.kind === 'alarm' && row.alarm.kind === 'composite' && ((event.key === 'ArrowRight' && !row.expanded) || (event.key === 'ArrowLeft' && row.expanded))) {
      event.preventDefault();
      onToggle(row.alarm.name);
    } else if (row.kind === 'child' && event.key === 'ArrowLeft') {
      event.preventDefault();
      focusRow(rows.findIndex((parent) => parent.kind === 'alarm' && parent.alarm.name === row.parent));
    }
  }

  return (
    <div className="grid alarm-grid" role="grid" aria-label="Alarms" aria-rowcount={rows.length + 1} aria-colcount={COLUMNS.length} style={{ '--grid-columns': GRID_COLUMNS } as CSSProperties}>
      <div className="grid-head" role="rowgroup">
        <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
          {COLUMNS.map(({ title, sortKey }) => (
            <SortableHeaderCell
              key={title}
              direction={sortKey !== undefined && sort.key === sortKey ? (sort.descending ? 'desc' : 'asc') : undefined}
              onSort={sortKey === undefined ? undefined : () => onSort(sortKey)}
            >
              <span>{title}</span>
            </SortableHeaderCell>
          ))}
        </div>
      </div>
      <div className="grid-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="grid-canvas" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const alarm = rowAlarm(row);
            return (
              <VirtualGridRow
                key={item.key}
                className={row.kind === 'child' ? 'grid-row grid-body-row alarm-child-row' : 'grid-row grid-body-row'}
                index={item.index}
                top={item.start}
                height={ROW_HEIGHT}
                active={item.index === activeIndex}
                aria-expanded={row.kind === 'alarm' && row.alarm.kind === 'composite' ? row.expanded : undefined}
                aria-level={row.kind === 'child' ? 2 : undefined}
                onActivate={setActiveIndex}
                onOpen={alarm ? () => onOpen(alarm.name) : undefined}
              >
                <div className="grid-cell" role="gridcell">
                  <StateBadge state={alarm?.state} />
                </div>
                <div className="grid-cell alarm-name-cell" role="gridcell">
                  {row.kind === 'alarm' && row.alarm.kind === 'composite' && (
                    <button
                      type="button"
                      className="icon-button alarm-toggle"
                      tabIndex={-1}
                      aria-label={row.expanded ? `Hide the alarms of ${row.alarm.name}` : `Show the alarms of ${row.alarm.name}`}
                      onClick={(event) => {
                        event.stopPropagation();
                        onToggle(row.alarm.name);
                      }}
                    >
                      {row.expanded ? <ChevronDownIcon /> : <ChevronRightIcon />}
                    </button>
                  )}
                  <span className="cell-name mono" title={row.kind === 'alarm' ? row.alarm.name : row.name}>
                    <Highlight text={row.kind === 'alarm' ? row.alarm.name : row.name} terms={row.kind === 'alarm' ? terms : []} />
                  </span>
                  {alarm?.kind === 'composite' && <span className="badge">Composite</span>}
                </div>
                <div className="grid-cell" role="gridcell">
                  {alarm?.kind === 'metric' ? (
                    <Sparkline line={sparklines.lines.get(alarm.name)} threshold={alarm.thresholdMetricId === undefined ? alarm.threshold : undefined} range={sparklines.range} alarmName={alarm.name} />
                  ) : null}
                </div>
                <div className="grid-cell" role="gridcell">
                  {alarm ? (
                    <span className="cell-name" title={alarmSummary(alarm)}>
                      {alarmSummary(alarm)}
                    </span>
                  ) : (
                    <span className="muted">Not in this region’s alarms</span>
                  )}
                </div>
                <div className="grid-cell" role="gridcell">
                  {alarm && (
                    <span className="alarm-changed" title={formatTimestamp(changedAt(alarm), zone, 'second')}>
                      {formatAge(changedAt(alarm), now)} <span className="muted">{formatTimestamp(changedAt(alarm), zone, 'minute')}</span>
                    </span>
                  )}
                </div>
                <div className="grid-cell" role="gridcell">
                  {alarm && !alarm.actionsEnabled && (
                    <span className="badge badge-warning" title="Actions are disabled: state changes run no actions">
                      Muted
                    </span>
                  )}
                </div>
              </VirtualGridRow>
            );
          })}
        </div>
        {footer}
      </div>
    </div>
  );
}

function rowAlarm(row: AlarmRow | undefined): Alarm | undefined {
  return row?.kind === 'alarm' ? row.alarm : row?.alarm;
}
