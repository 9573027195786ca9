/** Changes how long a group keeps its events; shortening it says what will be deleted and asks first. */
import { useId, useState } from 'react';
import type { LogGroup } from '../../../../../shared/contract';
import { formatBytes, formatRetention, formatTimestamp } from '../../../../../shared/format';
import { Dialog, DialogBody, DialogFooter } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { WarningIcon } from '../../../components/icons';
import { useTimeZone } from '../../../components/TimeZone';
import { useSetRetention } from './groupMutations';
import { retentionChange } from './retentionChange';
import { RetentionField } from './RetentionField';

interface RetentionDialogProps {
  readonly group: LogGroup;
  readonly onClose: () => void;
  readonly onChanged: (group: LogGroup) => void;
}

export function RetentionDialog({ group, onClose, onChanged }: RetentionDialogProps) {
  const { zone } = useTimeZone();
  const [next, setNext] = useState<number | null>(group.retentionInDays);
  const [now] = useState(Date.now);
  const update = useSetRetention();
  const warningId = useId();
  const change = retentionChange(group, next, now);
  const busy = update.isPending;

  async function save() {
    if (busy || change.kind === 'unchanged') return;
    try {
      onChanged(await update.mutateAsync({ logGroupName: group.name, retentionInDays: next }));
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog title="Change retention" subtitle={<span className="mono">{group.name}</span>} size="small" onClose={onClose}>
      <DialogBody>
        <RetentionField value={next} onChange={setNext} hint={`Now: ${formatRetention(group.retentionInDays)}. AWS offers only these periods.`} autoFocus />
        {change.kind === 'shorter' && (
          <div className="notice notice-warning" id={warningId} role="status">
            <WarningIcon />
            <div className="notice-body">
              <p className="notice-title">Events older than {formatRetention(next)} will be deleted</p>
              <p>
                Everything before {formatTimestamp(change.deletesBefore, zone, 'minute')}
                {zone === 'utc' ? ' UTC' : ''} goes — {change.estimatedBytes > 0 ? `about ${formatBytes(change.estimatedBytes)} of the ${formatBytes(group.storedBytes)} stored, if the group received events at a steady rate` : 'nothing yet, as the group is younger than that'}. CloudWatch
                Logs deletes them over the following days; this cannot be undone.
              </p>
            </div>
          </div>
        )}
        {update.error !== null && <ErrorNotice error={update.error} context="Could not change the retention" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={change.kind === 'shorter' ? 'button button-danger' : 'button'}
          onClick={() => void save()}
          aria-disabled={busy || change.kind === 'unchanged' || undefined}
          aria-describedby={change.kind === 'shorter' ? warningId : undefined}
        >
          {busy && <span className="spinner spinner-small" aria-hidden="true" />}
          {change.kind === 'shorter' ? 'Shorten and delete older events' : 'Save'}
        </button>
      </DialogFooter>
    </Dialog>
  );
}
