/** The queue of exports: each with its group, range, destination, state and progress; Cancel, Browse, Clear finished. */
import { FINISHED_EXPORT_STATES, type ExportItem } from '../../../../shared/contract';
import { formatTimestamp } from '../../../../shared/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { Panel } from '../../components/Panel';
import { useTimeZone } from '../../components/TimeZone';
import { canCancel, progressText, STATE_LABELS } from './exportText';
import { useExportQueue, useQueueActions } from './useExports';

interface ExportQueuePanelProps {
  readonly browsing: string | undefined;
  readonly onBrowse: (item: ExportItem) => void;
}

export function ExportQueuePanel({ browsing, onBrowse }: ExportQueuePanelProps) {
  const { items, error } = useExportQueue();
  const actions = useQueueActions();
  const { zone } = useTimeZone();
  const finished = items?.filter((item) => FINISHED_EXPORT_STATES.includes(item.state)).length ?? 0;
  return (
    <Panel
      label="Export queue"
      className="panel export-queue"
      count={items === undefined ? '' : `${items.length} in the queue`}
      actions={
        finished > 0 ? (
          <button type="button" className="button button-quiet" onClick={() => actions.clearFinished.mutate()}>
            Clear finished
          </button>
        ) : undefined
      }
    >
      {actions.cancel.error !== null && <ErrorNotice error={actions.cancel.error} context="Could not cancel the export" />}
      {error !== undefined ? (
        <ErrorState error={error} context="Could not load the export queue" />
      ) : items === undefined ? (
        <LoadingState label="Loading the export queue…" />
      ) : items.length === 0 ? (
        <EmptyState title="No exports yet">Pick log groups, a time range and a bucket, then Export. Exports wait here and run one at a time, as AWS allows.</EmptyState>
      ) : (
        <ol className="export-queue-list">
          {items.map((item) => (
            <li key={item.id} className={`export-item export-item-${item.state}`} aria-label={`${item.logGroupName}: ${STATE_LABELS[item.state]}`}>
              <div className="export-item-head">
                <span className={`export-state export-state-${item.state}`}>{STATE_LABELS[item.state]}</span>
                <span className="mono export-item-group">{item.logGroupName}</span>
              </div>
              <p className="export-item-detail">
                {formatTimestamp(item.from, zone, 'minute')} – {formatTimestamp(item.to, zone, 'minute')} → <span className="mono">s3://{item.bucket}/{item.prefix}/</span> · {item.region}
              </p>
              <p className="export-item-progress">{progressText(item, items)}</p>
              {(item.state === 'running' || item.state === 'pending' || item.state === 'starting') && <progress className="export-progress" aria-label={`${item.logGroupName} progress`} />}
              <div className="export-item-actions">
                {canCancel(item) && (
                  <button type="button" className="button button-quiet" onClick={() => actions.cancel.mutate(item.id)}>
                    Cancel
                  </button>
                )}
                {item.state === 'completed' && (
                  <button type="button" className="button button-quiet" aria-pressed={browsing === item.id} onClick={() => onBrowse(item)}>
                    Browse objects
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
