/**
 * A "Save…" button for rows the window holds: a dialog to choose the format (the app then asks where
 * to save), progress with Cancel while the rows go over, where they were saved, and a dialog when
 * saving failed. The caller does the saving and tells it the state.
 */
import { useState, type ReactNode } from 'react';
import type { SaveFormat } from '../../../../shared/contract';
import { formatCount, plural } from '../../../../shared/format';
import { Dialog, DialogBody, DialogFooter } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import './SaveButton.css';

export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'choosing' }
  | { readonly status: 'saving'; readonly fileName: string; readonly written: number; readonly total: number }
  | { readonly status: 'saved'; readonly fileName: string; readonly rows: number }
  | { readonly status: 'failed'; readonly error: unknown };

export interface SaveFormatOption {
  readonly format: SaveFormat;
  readonly label: string;
  readonly extension: string;
  /** What the format holds, after its name. */
  readonly note: string;
}

interface SaveButtonProps {
  /** The button's text, e.g. "Save loaded…". */
  readonly label: string;
  readonly dialogTitle: string;
  /** What will be saved, above the formats. */
  readonly intro: ReactNode;
  /** The first is chosen at first. */
  readonly formats: readonly SaveFormatOption[];
  /** The rows' name in the progress line ("event"). */
  readonly noun: string;
  readonly disabled: boolean;
  readonly state: SaveState;
  readonly onSave: (option: SaveFormatOption) => void;
  readonly onCancel: () => void;
  readonly onDismiss: () => void;
}

export function SaveButton({ label, dialogTitle, intro, formats, noun, disabled, state, onSave, onCancel, onDismiss }: SaveButtonProps) {
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState(formats[0]);
  const busy = state.status === 'choosing' || state.status === 'saving';

  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setChoosing(true)} disabled={busy || disabled}>
        {label}
      </button>
      {state.status === 'saving' && (
        <span className="save-status" role="status">
          Saving {formatCount(state.written)} of {plural(state.total, noun)}…{' '}
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        </span>
      )}
      {state.status === 'saved' && (
        <span className="save-status" role="status">
          Saved {plural(state.rows, noun)} to {state.fileName}
        </span>
      )}
      {choosing && (
        <Dialog title={dialogTitle} size="small" onClose={() => setChoosing(false)}>
          <DialogBody>
            <p className="state-text">{intro}</p>
            <FormatChoice formats={formats} value={chosen?.format} onChange={setChosen} />
          </DialogBody>
          <DialogFooter>
            <button type="button" className="button button-quiet" onClick={() => setChoosing(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setChoosing(false);
                if (chosen) onSave(chosen);
              }}
              data-autofocus
            >
              Save…
            </button>
          </DialogFooter>
        </Dialog>
      )}
      {state.status === 'failed' && (
        <Dialog title={`The ${noun}s were not saved`} size="small" onClose={onDismiss}>
          <DialogBody>
            <ErrorNotice error={state.error} context="Could not save" />
          </DialogBody>
          <DialogFooter>
            <button type="button" className="button" onClick={onDismiss}>
              Close
            </button>
          </DialogFooter>
        </Dialog>
      )}
    </>
  );
}

/** The formats as radio buttons, each with what it holds. */
export function FormatChoice({
  formats,
  value,
  onChange,
}: {
  readonly formats: readonly SaveFormatOption[];
  readonly value: SaveFormat | undefined;
  readonly onChange: (option: SaveFormatOption) => void;
}) {
  return (
    <fieldset className="radio-list">
      <legend className="field-label">Format</legend>
      {formats.map((candidate) => (
        <label key={candidate.format} className="checkbox">
          <input type="radio" name="save-format" checked={value === candidate.format} onChange={() => onChange(candidate)} />
          <span>
            <strong>{candidate.label}</strong> — {candidate.note}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
