/** Saves the tab's query as an AWS query definition: a name (slashes make folders), its text and groups. */
import { useId, useState } from 'react';
import { plural } from '../../../../shared/format';
import { QUERY_DEFINITION_NAME_MAX } from '../../../../shared/contract/insights-rules';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSaveDefinition } from './useInsightsData';

interface SaveQueryDialogProps {
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  /** The definition the tab was opened from, to replace instead of adding a new one. */
  readonly existing?: { readonly id: string; readonly name: string };
  readonly onClose: () => void;
  readonly onSaved: (definition: { readonly id: string; readonly name: string }) => void;
}

export function SaveQueryDialog({ queryString, logGroupNames, existing, onClose, onSaved }: SaveQueryDialogProps) {
  const [name, setName] = useState(existing?.name ?? '');
  const [replace, setReplace] = useState(existing !== undefined);
  const save = useSaveDefinition();
  const nameId = useId();
  const hintId = useId();
  const trimmed = name.trim();

  async function submit() {
    if (trimmed === '' || save.isPending) return;
    try {
      const saved = await save.mutateAsync({
        ...(replace && existing ? { id: existing.id } : {}),
        name: trimmed,
        queryString,
        logGroupNames,
      });
      onSaved({ id: saved.id, name: trimmed });
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog title="Save query" size="small" onClose={onClose}>
      <DialogBody>
        <form
          id={`${nameId}-form`}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={nameId}>
              Name
            </label>
            <input
              id={nameId}
              className="input"
              value={name}
              maxLength={QUERY_DEFINITION_NAME_MAX}
              autoFocus
              aria-describedby={hintId}
              placeholder="errors/by route"
              onChange={(event) => setName(event.target.value)}
            />
            <p id={hintId} className="field-hint">
              Slashes make folders, as in the console. Saved in this region with {plural(logGroupNames.length, 'log group')}.
            </p>
          </div>
          {existing && (
            <label className="checkbox">
              <input type="checkbox" checked={replace} onChange={(event) => setReplace(event.target.checked)} /> Replace “{existing.name}”
            </label>
          )}
        </form>
        {save.error !== null && <ErrorNotice error={save.error} context="Could not save the query" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" form={`${nameId}-form`} className="button" aria-disabled={trimmed === '' || save.isPending || undefined}>
          {save.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
          Save
        </button>
      </DialogFooter>
    </Dialog>
  );
}
