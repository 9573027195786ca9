/** Deletes an alarm after its name is typed: its history goes with it. */
import { useId, useRef, useState } from 'react';
import type { Alarm } from '../../../../shared/contract';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useDeleteAlarm } from './useAlarm';

interface DeleteAlarmDialogProps {
  readonly alarm: Alarm;
  readonly onClose: () => void;
  readonly onDeleted: () => void;
}

export function DeleteAlarmDialog({ alarm, onClose, onDeleted }: DeleteAlarmDialogProps) {
  const [typed, setTyped] = useState('');
  const deletion = useDeleteAlarm();
  const descriptionId = useId();
  const input = useRef<HTMLInputElement>(null);
  const confirmed = typed === alarm.name;
  const busy = deletion.isPending || deletion.isSuccess;

  async function remove() {
    if (!confirmed || busy) return;
    try {
      await deletion.mutateAsync(alarm.name);
    } catch {
      return; // Shown in the dialog.
    }
    onDeleted();
  }

  return (
    <Dialog role="alertdialog" title="Delete alarm?" size="small" onClose={onClose} initialFocusRef={input} describedBy={descriptionId}>
      <DialogBody>
        <p id={descriptionId} className="state-text">
          <span className="mono">{alarm.name}</span> will be deleted for good, with its history. Its actions stop, and a composite alarm
          whose rule names it no longer sees it in any state.
        </p>
        <Field label="Type the alarm’s name to confirm">
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
        {deletion.error !== null && <ErrorNotice error={deletion.error} context="Could not delete the alarm" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()} aria-disabled={!confirmed || busy || undefined}>
          {busy && <span className="spinner spinner-small" aria-hidden="true" />}
          Delete alarm
        </button>
      </DialogFooter>
    </Dialog>
  );
}
