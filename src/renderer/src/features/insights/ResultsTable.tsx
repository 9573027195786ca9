/**
 * Result rows in the virtual grid: one column per result field (`@ptr` is kept for opening the record,
 * not shown), sortable by any column, every value shown as inert text. Enter or a click opens the row.
 */
import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useMemo, useState, type Ref } from 'react';
import type { QueryRow } from '../../../../shared/contract';
import { DataGrid, type DataGridHandle } from '../../components/DataGrid';
import { MessageText } from '../../components/message/MessageText';
import { sortRows } from './resultSort';

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

export function ResultsTable({ fields, rows, onOpen, selected, handleRef }: ResultsTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const shownFields = useMemo(() => fields.filter((field) => field !== '@ptr'), [fields]);
  const columns = useMemo(
    () =>
      shownFields.map(
        (field): ColumnDef<QueryRow> => ({
          id: field,
          header: field,
          accessorFn: (row) => row[field] ?? '',
          enableSorting: true,
          meta: { width: widthOf(field) },
          cell: ({ row }) => <MessageText text={row.original[field] ?? ''} wrap={false} limit={CELL_LIMIT} className="mono" />,
        }),
      ),
    [shownFields],
  );
  const [sort] = sorting;
  const sorted = useMemo(() => (sort ? sortRows(rows, sort.id, sort.desc) : rows), [rows, sort]);
  const rowIds = useMemo(() => new Map(rows.map((row, index) => [row, String(index)])), [rows]);
  const table = useReactTable({
    data: sorted as QueryRow[],
    columns,
    state: { sorting },
    manualSorting: true,
    onSortingChange: setSorting,
    getRowId: (row, index) => rowIds.get(row) ?? String(index),
    getCoreRowModel: getCoreRowModel(),
  });
  return (
    <DataGrid
      table={table}
      label="Query results"
      rowHeight={ROW_HEIGHT}
      onOpen={onOpen}
      selectedRowId={selected === undefined ? undefined : rowIds.get(selected)}
      handleRef={handleRef}
    />
  );
}
