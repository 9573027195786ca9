/** Deletes a metric filter after asking: its metric gets no new datapoints, what it published stays. */
import { useId } from 'react';
import type { LogGroup, MetricFilter } from '../../../../../shared/contract';
import { Dialog, DialogBody, DialogFooter } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useDeleteMetricFilter } from './useMetricFilters';

interface DeleteFilterDialogProps {
  readonly filter: MetricFilter;
  readonly onClose: () => void;
  readonly onDeleted: () => void;
  readonly onGroupChanged: (group: LogGroup) => void;
}

export function DeleteFilterDialog({ filter, onClose, onDeleted, onGroupChanged }: DeleteFilterDialogProps) {
  const deletion = useDeleteMetricFilter(filter.logGroupName, onGroupChanged);
  const descriptionId = useId();
  const busy = deletion.isPending || deletion.isSuccess;
  const { metricNamespace, metricName } = filter.transformation;

  async function remove() {
    if (busy) return;
    try {
      await deletion.mutateAsync(filter.filterName);
    } catch {
      return; // Shown in the dialog.
    }
    onDeleted();
  }

  return (
    <Dialog role="alertdialog" title="Delete metric filter?" size="small" onClose={onClose} describedBy={descriptionId}>
      <DialogBody>
        <p id={descriptionId} className="state-text">
          <span className="mono">{filter.filterName}</span> stops publishing to{' '}
          <span className="mono">
            {metricNamespace} / {metricName}
          </span>
          . The datapoints it already published stay in CloudWatch; alarms on the metric get no new data.
        </p>
        {deletion.error !== null && <ErrorNotice error={deletion.error} context="Could not delete the metric filter" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()} aria-disabled={busy || undefined}>
          {busy && <span className="spinner spinner-small" aria-hidden="true" />}
          Delete metric filter
        </button>
      </DialogFooter>
    </Dialog>
  );
}
