/** Creates a log group, its name checked by the contract's own rules as it is typed. */
import { useState, type FormEvent } from 'react';
import { contract, type LogGroup } from '../../../../../shared/contract';
import { Dialog, DialogBody, DialogFooter } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { useCreateGroup } from './groupMutations';
import { RetentionField } from './RetentionField';

interface CreateGroupDialogProps {
  readonly onClose: () => void;
  readonly onCreated: (group: LogGroup) => void;
}

export function CreateGroupDialog({ onClose, onCreated }: CreateGroupDialogProps) {
  const [name, setName] = useState('');
  const [retention, setRetention] = useState<number | null>(null);
  const [logGroupClass, setLogGroupClass] = useState<'STANDARD' | 'INFREQUENT_ACCESS'>('STANDARD');
  const [submitted, setSubmitted] = useState(false);
  const creation = useCreateGroup();
  const request = { logGroupName: name, ...(retention === null ? {} : { retentionInDays: retention }), logGroupClass };
  const checked = contract.logs.createGroup.request.safeParse(request);
  const nameProblem = checked.success ? undefined : checked.error.issues.find((issue) => issue.path[0] === 'logGroupName');
  const nameError = nameProblem && (submitted || name !== '') ? `The name ${nameProblem.message}.` : undefined;

  async function create(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!checked.success || creation.isPending) return;
    try {
      onCreated(await creation.mutateAsync(checked.data));
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog title="Create log group" size="small" onClose={onClose}>
      <form onSubmit={(event) => void create(event)} noValidate>
        <DialogBody>
          <Field label="Name" hint="Letters, digits and _ - / . # — e.g. /app/orders/api" error={nameError}>
            {(aria) => (
              <input
                {...aria}
                className="input mono"
                autoComplete="off"
                spellCheck={false}
                maxLength={512}
                value={name}
                onChange={(event) => setName(event.target.value)}
                data-autofocus
              />
            )}
          </Field>
          <RetentionField value={retention} onChange={setRetention} />
          <Field label="Class" hint="Infrequent access halves the ingestion price but has no live tail, metric filters or data protection. It cannot be changed later.">
            {(aria) => (
              <select
                {...aria}
                className="select"
                value={logGroupClass}
                onChange={(event) => setLogGroupClass(event.target.value === 'INFREQUENT_ACCESS' ? 'INFREQUENT_ACCESS' : 'STANDARD')}
              >
                <option value="STANDARD">Standard</option>
                <option value="INFREQUENT_ACCESS">Infrequent access</option>
              </select>
            )}
          </Field>
          {creation.error !== null && <ErrorNotice error={creation.error} context="Could not create the log group" />}
        </DialogBody>
        <DialogFooter>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" aria-disabled={creation.isPending || undefined}>
            {creation.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
            Create log group
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
