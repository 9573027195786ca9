/**
 * The bucket policy change an export needs, shown as a diff of the whole policy (the statements it has
 * stay as they are; the new ones are added) and applied only when the person confirms it.
 */
import type { PolicyCheck } from '../../../../shared/contract';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApplyPolicy } from './useExports';

interface PolicyDialogProps {
  readonly check: Extract<PolicyCheck, { status: 'needs-policy' }>;
  readonly prefix: string;
  readonly onClose: () => void;
}

const MARKS = { same: ' ', added: '+', removed: '-' } as const;

export function PolicyDialog({ check, prefix, onClose }: PolicyDialogProps) {
  const apply = useApplyPolicy();
  const result = apply.data;
  const changedMeanwhile = result?.status === 'needs-policy' && result.current !== check.current;
  const shown = changedMeanwhile ? result : check;

  async function confirm() {
    try {
      const next = await apply.mutateAsync({ bucket: check.bucket, prefix, current: shown.current });
      if (next.status === 'ready') onClose();
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog
      title={`Let CloudWatch Logs write to ${check.bucket}`}
      size="large"
      onClose={onClose}
      subtitle={
        shown.current === null
          ? 'The bucket has no policy yet. This is the policy it needs:'
          : 'The bucket’s policy keeps every statement it has; these lines are added:'
      }
    >
      <DialogBody>
        {changedMeanwhile && (
          <p className="notice notice-warning" role="alert">
            The bucket’s policy changed since you opened this. Check the change again before applying it.
          </p>
        )}
        <pre className="policy-diff mono" aria-label="Policy change">
          {shown.diff.map((line, index) => (
            <span key={index} className={`policy-line policy-line-${line.kind}`}>
              <span aria-hidden="true">{MARKS[line.kind]} </span>
              <span className="visually-hidden">{line.kind === 'same' ? '' : `${line.kind}: `}</span>
              {line.text}
              {'\n'}
            </span>
          ))}
        </pre>
        <p className="field-hint">
          It allows the service principal logs.{check.region}.amazonaws.com to check the bucket’s ACL and to write objects under {prefix}/, only for log
          groups of this account (aws:SourceAccount, aws:SourceArn), as AWS’s guide for export tasks asks.
        </p>
        {apply.error !== null && <ErrorNotice error={apply.error} context="Could not change the bucket policy" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void confirm()} aria-disabled={apply.isPending || undefined} data-autofocus>
          {apply.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
          Apply policy
        </button>
      </DialogFooter>
    </Dialog>
  );
}
