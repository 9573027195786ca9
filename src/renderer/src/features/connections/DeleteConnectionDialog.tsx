/** Asks before deleting a connection created in the app (and its secret in the keychain). */
import { useId, useRef, useState } from 'react';
import type { Connection } from '../../../../shared/contract';
import { describeError, titleInSentence } from '../../api/errorText';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { AlertIcon } from '../../components/icons';

interface DeleteConnectionDialogProps {
  readonly connection: Connection;
  readonly inUse: boolean;
  readonly onCancel: () => void;
  readonly onDeleted: () => void;
}

export function DeleteConnectionDialog({ connection, inUse, onCancel, onDeleted }: DeleteConnectionDialogProps) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function remove() {
    setPending(true);
    setFailure(undefined);
    try {
      await window.api.connections.delete({ connectionId: connection.id });
      onDeleted();
    } catch (error) {
      setFailure(error);
      setPending(false);
    }
  }

  const failureText = failure === undefined ? undefined : describeError(failure);
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
        {failureText && (
          <div className="notice notice-error" role="alert">
            <AlertIcon />
            <div className="notice-body">
              <p className="notice-title">Could not delete: {titleInSentence(failureText.title)}</p>
              <p>{failureText.message}</p>
            </div>
          </div>
        )}
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
