/** Deletes a log group after its name is typed: every event, metric filter and subscription of it goes. */
import { useId, useRef, useState } from 'react';
import type { LogGroup } from '../../../../../shared/contract';
import { formatBytes } from '../../../../../shared/format';
import { Dialog, DialogBody, DialogFooter } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { useDeleteGroup } from './groupMutations';

interface DeleteGroupDialogProps {
  readonly group: LogGroup;
  readonly onClose: () => void;
  readonly onDeleted: () => void;
}

export function DeleteGroupDialog({ group, onClose, onDeleted }: DeleteGroupDialogProps) {
  const [typed, setTyped] = useState('');
  const deletion = useDeleteGroup();
  const descriptionId = useId();
  const input = useRef<HTMLInputElement>(null);
  const confirmed = typed === group.name;
  const busy = deletion.isPending || deletion.isSuccess;

  async function remove() {
    if (!confirmed || busy) return;
    try {
      await deletion.mutateAsync(group.name);
    } catch {
      return; // Shown in the dialog.
    }
    onDeleted();
  }

  return (
    <Dialog role="alertdialog" title="Delete log group?" size="small" onClose={onClose} initialFocusRef={input} describedBy={descriptionId}>
      <DialogBody>
        <p id={descriptionId} className="state-text">
          <span className="mono">{group.name}</span> and every event in it ({formatBytes(group.storedBytes)} stored) will be deleted
          for good, with its metric filters ({group.metricFilterCount}) and subscriptions. Anything still writing to it will
          fail until the group is created again.
        </p>
        <Field label="Type the group’s name to confirm">
          {(aria) => (
            <input
              {...aria}
              ref={input}
              className="input mono"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void remove();
              }}
            />
          )}
        </Field>
        {deletion.error !== null && <ErrorNotice error={deletion.error} context="Could not delete the log group" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()} aria-disabled={!confirmed || busy || undefined}>
          {busy && <span className="spinner spinner-small" aria-hidden="true" />}
          Delete log group
        </button>
      </DialogFooter>
    </Dialog>
  );
}
