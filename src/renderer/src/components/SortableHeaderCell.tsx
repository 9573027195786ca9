/** A grid's column header: a button that sorts by the column, with its direction said (aria-sort) and drawn. */
import type { MouseEvent, ReactNode } from 'react';
import { ArrowDownIcon, ArrowUpIcon } from './icons';

export type SortDirection = 'asc' | 'desc';

interface SortableHeaderCellProps {
  /** The column's current sort, if it is the sorted one. */
  readonly direction: SortDirection | undefined;
  /** Sorts by the column; without it the column does not sort. */
  readonly onSort?: (event: MouseEvent) => void;
  readonly align?: string;
  /** The column's title, as one element. */
  readonly children: ReactNode;
}

export function SortableHeaderCell({ direction, onSort, align, children }: SortableHeaderCellProps) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : onSort ? 'none' : undefined;
  return (
    <div className="grid-cell grid-column-header" role="columnheader" data-align={align} aria-sort={ariaSort}>
      {onSort ? (
        <button type="button" className="sort-button" onClick={onSort}>
          {children}
          <span className="sort-indicator" data-sorted={direction}>
            {direction === 'desc' ? <ArrowDownIcon /> : <ArrowUpIcon />}
          </span>
        </button>
      ) : (
        children
      )}
    </div>
  );
}
