/**
 * Result rows in a virtual grid: one column per result field (`@ptr` is kept for opening the record,
 * not shown), sortable by any column, every value shown as inert text; arrows move, Enter or a click
 * opens a row. It uses the app's grid markup and styles (DataGrid.css) over the virtual rows directly,
 * without a row model per row: 10,000 rows arrive at once and must be on screen within 100 ms.
 */
import { useCallback, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type Ref } from 'react';
import type { QueryRow } from '../../../../shared/contract';
import type { DataGridHandle } from '../../components/DataGrid';
import { MessageText } from '../../components/message/MessageText';
import { SortableHeaderCell } from '../../components/SortableHeaderCell';
import { VirtualGridRow } from '../../components/VirtualGridRow';
import { useVirtualRows } from '../../components/useVirtualRows';
import { sortRows } from './resultSort';
import '../../components/DataGrid.css';

interface ResultsTableProps {
  readonly fields: readonly string[];
  readonly rows: readonly QueryRow[];
  readonly onOpen: (row: QueryRow) => void;
  readonly selected?: QueryRow;
  readonly handleRef?: Ref<DataGridHandle>;
}

export const ROW_HEIGHT = 28;
const CELL_LIMIT = { lines: 1, chars: 400 };

function widthOf(field: string): string {
  if (field === '@message') return 'minmax(24rem, 4fr)';
  if (field === '@timestamp' || field.startsWith('bin(')) return '13.5rem';
  return 'minmax(8rem, 1fr)';
}

type Sort = { readonly field: string; readonly descending: boolean } | undefined;

/** Ascending, then descending, then as AWS returned them. */
function nextSort(current: Sort, field: string): Sort {
  if (current?.field !== field) return { field, descending: false };
  return current.descending ? undefined : { field, descending: true };
}

export function ResultsTable({ fields, rows, onOpen, selected, handleRef }: ResultsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<Sort>(undefined);
  const shown = useMemo(() => fields.filter((field) => field !== '@ptr'), [fields]);
  const sorted = useMemo(() => (sort ? sortRows(rows, sort.field, sort.descending) : rows), [rows, sort]);
  const getItemKey = useCallback((index: number) => index, []);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const { virtualizer, activeIndex, setActiveIndex, onNavigationKey } = useVirtualRows({ count: sorted.length, scrollRef, estimateSize, getItemKey, handleRef });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (onNavigationKey(event)) return;
    const row = sorted[activeIndex];
    if (event.key === 'Enter' && row) {
      event.preventDefault();
      onOpen(row);
    }
  }

  const gridStyle = { '--grid-columns': shown.map(widthOf).join(' ') } as CSSProperties;
  return (
    <div className="grid" role="grid" aria-label="Query results" aria-rowcount={sorted.length + 1} aria-colcount={shown.length} style={gridStyle}>
      <div className="grid-head" role="rowgroup">
        <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
          {shown.map((field) => {
            const direction = sort?.field === field ? (sort.descending ? 'desc' : 'asc') : undefined;
            return (
              <SortableHeaderCell key={field} direction={direction} onSort={() => setSort((current) => nextSort(current, field))}>
                <span className="mono">{field}</span>
              </SortableHeaderCell>
            );
          })}
        </div>
      </div>
      <div className="grid-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="grid-canvas" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = sorted[item.index];
            if (!row) return null;
            return (
              <VirtualGridRow
                key={item.key}
                index={item.index}
                top={item.start}
                height={ROW_HEIGHT}
                active={item.index === activeIndex}
                aria-selected={selected === undefined ? undefined : row === selected}
                onActivate={setActiveIndex}
                onOpen={() => onOpen(row)}
              >
                {shown.map((field) => (
                  <div key={field} className="grid-cell" role="gridcell">
                    <MessageText text={row[field] ?? ''} wrap={false} limit={CELL_LIMIT} className="mono" />
                  </div>
                ))}
              </VirtualGridRow>
            );
          })}
        </div>
      </div>
    </div>
  );
}
