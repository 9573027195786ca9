/** Asks before deleting a connection created in the app (and its secret in the keychain). */
import { useId, useRef } from 'react';
import type { Connection } from '../../../../shared/contract';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDeleteConnection } from './connectionMutations';

interface DeleteConnectionDialogProps {
  readonly connection: Connection;
  readonly inUse: boolean;
  readonly onCancel: () => void;
  readonly onDeleted: () => void;
}

export function DeleteConnectionDialog({ connection, inUse, onCancel, onDeleted }: DeleteConnectionDialogProps) {
  const deletion = useDeleteConnection();
  const pending = deletion.isPending || deletion.isSuccess;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function remove() {
    try {
      await deletion.mutateAsync(connection.id);
    } catch {
      return; // The failure shows in the dialog.
    }
    onDeleted();
  }

  return (
    <Dialog role="alertdialog" title="Delete connection?" size="small" onClose={onCancel} initialFocusRef={cancelRef} describedBy={descriptionId}>
      <DialogBody>
        <div id={descriptionId} className="state-text">
          <p>
            “{connection.name}” will be removed from Cloudscope and its secret access key deleted from the OS keychain. This
            cannot be undone.
          </p>
          {inUse && <p>It is the connection in use: Cloudscope will switch to another one.</p>}
        </div>
        {deletion.error !== null && <ErrorNotice error={deletion.error} context="Could not delete" />}
      </DialogBody>
      <DialogFooter>
        <button ref={cancelRef} type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => !pending && void remove()} aria-disabled={pending || undefined}>
          {pending && <span className="spinner spinner-small" aria-hidden="true" />}
          Delete connection
        </button>
      </DialogFooter>
    </Dialog>
  );
}
