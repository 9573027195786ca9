/** Deletes a log group after its name is typed: every event, metric filter and subscription of it goes. */
import type { LogGroup } from '../../../../../shared/contract';
import { formatBytes } from '../../../../../shared/format';
import { ConfirmByNameDialog } from '../../../components/ConfirmByNameDialog';
import { useDeleteGroup } from './groupMutations';

interface DeleteGroupDialogProps {
  readonly group: LogGroup;
  readonly onClose: () => void;
  readonly onDeleted: () => void;
}

export function DeleteGroupDialog({ group, onClose, onDeleted }: DeleteGroupDialogProps) {
  const deletion = useDeleteGroup();

  async function remove() {
    try {
      await deletion.mutateAsync(group.name);
    } catch {
      return; // Shown in the dialog.
    }
    onDeleted();
  }

  return (
    <ConfirmByNameDialog
      title="Delete log group?"
      name={group.name}
      nameLabel="Type the group’s name to confirm"
      description={
        <>
          <span className="mono">{group.name}</span> and every event in it ({formatBytes(group.storedBytes)} stored) will be deleted for good, with its
          metric filters ({group.metricFilterCount}) and subscriptions. Anything still writing to it will fail until the group is created again.
        </>
      }
      confirmLabel="Delete log group"
      busy={deletion.isPending || deletion.isSuccess}
      error={deletion.error}
      errorContext="Could not delete the log group"
      onConfirm={() => void remove()}
      onClose={onClose}
    />
  );
}
