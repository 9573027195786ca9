/**
 * A panel of a view: a toolbar (search box, count, actions, refresh), the lines under it (progress,
 * notes), and a body, usually a QueryStateBody.
 */
import type { ReactNode, RefObject } from 'react';
import type { DataGridHandle } from './DataGrid';
import { RefreshIcon } from './icons';
import { SearchField } from './SearchField';

export interface PanelSearch {
  /** The accessible name, e.g. "Search log groups". */
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The grid of results: Arrow Down or Enter in the search box moves to its first row. */
  readonly results: RefObject<DataGridHandle | null>;
}

export interface PanelRefresh {
  readonly label: string;
  readonly onClick: () => void;
  readonly title?: string;
  readonly disabled?: boolean;
}

interface PanelProps {
  /** The accessible name, e.g. "Log groups". */
  readonly label: string;
  readonly className?: string;
  readonly hidden?: boolean;
  /** The smaller toolbar of panels that share the screen. */
  readonly compact?: boolean;
  readonly search?: PanelSearch;
  /** How many there are, announced as it changes; empty while there is nothing to count. */
  readonly count?: string;
  /** Controls at the end of the toolbar, before the refresh button. */
  readonly actions?: ReactNode;
  readonly refresh?: PanelRefresh;
  /** Lines between the toolbar and the body: progress, a note, an error about partial results. */
  readonly status?: ReactNode;
  readonly children: ReactNode;
}

export function Panel({ label, className = 'panel', hidden, compact = false, search, count, actions, refresh, status, children }: PanelProps) {
  const focusFirstResult = () => search?.results.current?.focusRow(0);
  return (
    <section className={className} hidden={hidden} aria-label={label}>
      <div className={compact ? 'toolbar toolbar-compact' : 'toolbar'}>
        {search && (
          <SearchField
            label={search.label}
            placeholder={search.placeholder}
            value={search.value}
            onChange={search.onChange}
            onArrowDown={focusFirstResult}
            onEnter={focusFirstResult}
          />
        )}
        {count !== undefined && (
          <p className="toolbar-count" role="status" aria-live="polite">
            {count}
          </p>
        )}
        {(actions || refresh) && <div className="toolbar-spacer" />}
        {actions}
        {refresh && (
          <button type="button" className="button button-quiet" onClick={refresh.onClick} title={refresh.title} disabled={refresh.disabled}>
            <RefreshIcon />
            {refresh.label}
          </button>
        )}
      </div>
      {status}
      <div className="panel-body">{children}</div>
    </section>
  );
}
