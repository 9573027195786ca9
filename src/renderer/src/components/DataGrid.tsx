/**
 * A virtualized, keyboard-navigable grid for a react-table instance: sticky header with sort buttons,
 * rows rendered only where they are visible (10,000+ rows scroll smoothly), arrow keys to move, Enter
 * or click to open a row.
 */
import { flexRender, type Header, type RowData, type Table } from '@tanstack/react-table';
import { useCallback, useEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { SortableHeaderCell } from './SortableHeaderCell';
import { VirtualGridRow } from './VirtualGridRow';
import { useVirtualRows, type RowListHandle } from './useVirtualRows';
import './DataGrid.css';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the interface must keep react-table's type parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's CSS grid track, e.g. "minmax(16rem, 1fr)" or "7rem". */
    readonly width: string;
    readonly align?: 'start' | 'end' | 'center';
  }

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the interface must keep react-table's type parameters
  interface TableMeta<TData extends RowData> {
    /** Words a search is looking for, for cells to highlight. */
    readonly searchTerms?: readonly string[];
  }
}

export type DataGridHandle = RowListHandle;

interface DataGridProps<Data> {
  readonly table: Table<Data>;
  /** The grid's accessible name, e.g. "Log groups". */
  readonly label: string;
  readonly rowHeight: number;
  readonly onOpen?: (row: Data, index: number) => void;
  /** The id of the row that is open next to the grid, marked as selected. */
  readonly selectedRowId?: string;
  /** Called when the last rows come into view: load more. */
  readonly onNearEnd?: () => void;
  /** Shown under the last row, e.g. "Loading more…". */
  readonly footer?: ReactNode;
  readonly handleRef?: Ref<DataGridHandle>;
}

export function DataGrid<Data>({ table, label, rowHeight, onOpen, selectedRowId, onNearEnd, footer, handleRef }: DataGridProps<Data>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const { virtualizer, activeIndex, setActiveIndex, onNavigationKey } = useVirtualRows({
    count: rows.length,
    scrollRef,
    estimateSize,
    getItemKey,
    handleRef,
  });

  const virtualRows = virtualizer.getVirtualItems();
  const lastRendered = virtualRows[virtualRows.length - 1]?.index ?? -1;
  const nearEnd = rows.length > 0 && lastRendered >= rows.length - 5;
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, onNearEnd, rows.length]);

  const columns = table.getVisibleLeafColumns();
  const gridStyle = { '--grid-columns': columns.map((column) => column.columnDef.meta?.width ?? '1fr').join(' ') } as CSSProperties;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (onNavigationKey(event)) return;
    const row = rows[activeIndex];
    if (event.key === 'Enter' && row && onOpen) {
      event.preventDefault();
      onOpen(row.original, activeIndex);
    }
  }

  return (
    <div className="grid" role="grid" aria-label={label} aria-rowcount={rows.length + 1} aria-colcount={columns.length} style={gridStyle}>
      <div className="grid-head" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} className="grid-row grid-header-row" role="row" aria-rowindex={1}>
            {group.headers.map((header) => (
              <ColumnHeader key={header.id} header={header} />
            ))}
          </div>
        ))}
      </div>
      <div className="grid-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="grid-canvas" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <VirtualGridRow
                key={item.key}
                index={item.index}
                top={item.start}
                height={rowHeight}
                active={item.index === activeIndex}
                aria-selected={selectedRowId === undefined ? undefined : row.id === selectedRowId}
                onActivate={setActiveIndex}
                onOpen={() => onOpen?.(row.original, item.index)}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} className="grid-cell" role="gridcell" data-align={cell.column.columnDef.meta?.align}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </VirtualGridRow>
            );
          })}
        </div>
        {footer}
      </div>
    </div>
  );
}

function ColumnHeader<Data>({ header }: { header: Header<Data, unknown> }) {
  const column = header.column;
  const sorted = column.getIsSorted();
  const title = flexRender(column.columnDef.header, header.getContext());
  const align = column.columnDef.meta?.align;
  return (
    <SortableHeaderCell direction={sorted || undefined} onSort={column.getCanSort() ? column.getToggleSortingHandler() : undefined} align={align}>
      <span>{title}</span>
    </SortableHeaderCell>
  );
}
