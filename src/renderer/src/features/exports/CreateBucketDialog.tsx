/** Creates an S3 bucket in the current region, its name checked by S3's rules as it is typed. */
import { useState, type FormEvent } from 'react';
import { contract, type BucketSummary } from '../../../../shared/contract';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useScope } from '../../app/scope';
import { useCreateBucket } from './useExports';

interface CreateBucketDialogProps {
  readonly onClose: () => void;
  readonly onCreated: (bucket: BucketSummary) => void;
}

export function CreateBucketDialog({ onClose, onCreated }: CreateBucketDialogProps) {
  const { scope } = useScope();
  const [name, setName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const creation = useCreateBucket();
  const checked = contract.exports.createBucket.request.safeParse({ name });
  const problem = checked.success ? undefined : checked.error.issues[0]?.message;
  const error = problem && (submitted || name !== '') ? problem : undefined;

  async function create(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!checked.success || creation.isPending) return;
    try {
      onCreated(await creation.mutateAsync(checked.data.name));
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog title="Create bucket" size="small" onClose={onClose} subtitle={`In ${scope.region}, where exports from this region must go.`}>
      <form onSubmit={(event) => void create(event)} noValidate>
        <DialogBody>
          <Field label="Bucket name" hint="3–63 lower-case letters, digits, dots and hyphens; unique across all of AWS." error={error}>
            {(aria) => (
              <input
                {...aria}
                className="input mono"
                autoComplete="off"
                spellCheck={false}
                maxLength={63}
                value={name}
                onChange={(event) => setName(event.target.value)}
                data-autofocus
              />
            )}
          </Field>
          {creation.error !== null && <ErrorNotice error={creation.error} context="Could not create the bucket" />}
        </DialogBody>
        <DialogFooter>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" aria-disabled={creation.isPending || undefined}>
            {creation.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
            Create bucket
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
