/** Deletes an alarm after its name is typed: its history goes with it. */
import type { Alarm } from '../../../../shared/contract';
import { ConfirmByNameDialog } from '../../components/ConfirmByNameDialog';
import { useDeleteAlarm } from './useAlarm';

interface DeleteAlarmDialogProps {
  readonly alarm: Alarm;
  readonly onClose: () => void;
  readonly onDeleted: () => void;
}

export function DeleteAlarmDialog({ alarm, onClose, onDeleted }: DeleteAlarmDialogProps) {
  const deletion = useDeleteAlarm();

  async function remove() {
    try {
      await deletion.mutateAsync(alarm.name);
    } catch {
      return; // Shown in the dialog.
    }
    onDeleted();
  }

  return (
    <ConfirmByNameDialog
      title="Delete alarm?"
      name={alarm.name}
      nameLabel="Type the alarm’s name to confirm"
      description={
        <>
          <span className="mono">{alarm.name}</span> will be deleted for good, with its history. Its actions stop. CloudWatch refuses to delete an
          alarm that a composite alarm’s rule still names: change or delete that composite alarm first.
        </>
      }
      confirmLabel="Delete alarm"
      busy={deletion.isPending || deletion.isSuccess}
      error={deletion.error}
      errorContext="Could not delete the alarm"
      onConfirm={() => void remove()}
      onClose={onClose}
    />
  );
}
