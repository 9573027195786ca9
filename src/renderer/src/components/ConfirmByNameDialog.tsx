/**
 * A destructive action confirmed by typing the name of what it destroys: what goes (the description),
 * the name typed, the failure in words next to it, and the action's button, enabled once the name matches.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { Dialog, DialogBody, DialogFooter } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';

interface ConfirmByNameDialogProps {
  /** E.g. "Delete log group?". */
  readonly title: string;
  /** What must be typed. */
  readonly name: string;
  /** E.g. "Type the group’s name to confirm". */
  readonly nameLabel: string;
  /** What will go, read when the dialog opens. */
  readonly description: ReactNode;
  /** The button, e.g. "Delete log group". */
  readonly confirmLabel: string;
  readonly busy: boolean;
  readonly error: unknown;
  /** What failed, e.g. "Could not delete the log group". */
  readonly errorContext: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

export function ConfirmByNameDialog({ title, name, nameLabel, description, confirmLabel, busy, error, errorContext, onConfirm, onClose }: ConfirmByNameDialogProps) {
  const [typed, setTyped] = useState('');
  const descriptionId = useId();
  const input = useRef<HTMLInputElement>(null);
  const confirmed = typed === name;

  function confirm() {
    if (confirmed && !busy) onConfirm();
  }

  return (
    <Dialog role="alertdialog" title={title} size="small" onClose={onClose} initialFocusRef={input} describedBy={descriptionId}>
      <DialogBody>
        <p id={descriptionId} className="state-text">
          {description}
        </p>
        <Field label={nameLabel}>
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
                if (event.key === 'Enter') confirm();
              }}
            />
          )}
        </Field>
        {error !== null && error !== undefined && <ErrorNotice error={error} context={errorContext} />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={confirm} aria-disabled={!confirmed || busy || undefined}>
          {busy && <span className="spinner spinner-small" aria-hidden="true" />}
          {confirmLabel}
        </button>
      </DialogFooter>
    </Dialog>
  );
}
