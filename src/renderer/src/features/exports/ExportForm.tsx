/**
 * A new export: the log groups, the time range (the shared picker), the bucket and the prefix. The
 * bucket's policy is checked as soon as both are chosen; when it is not ready, the form says why and,
 * when a policy change fixes it, offers to review that change. Submitting queues one task per group.
 */
import { useState, type FormEvent } from 'react';
import { contract, type BucketSummary } from '../../../../shared/contract';
import { plural } from '../../../../shared/format';
import { lastDuration, rangeProblem, resolveRange, type TimeRange } from '../../../../shared/time-range';
import { whoChangedHash } from '../../app/links/trail';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { TimeRangePicker } from '../../components/time-range/TimeRangePicker';
import { useScope } from '../../app/scope';
import { CreateBucketDialog } from './CreateBucketDialog';
import { policySentence } from './exportText';
import { GroupPicker } from './GroupPicker';
import { PolicyDialog } from './PolicyDialog';
import { useBuckets, useEnqueue, usePolicyCheck } from './useExports';

const DAY = 24 * 3_600_000;

export function ExportForm() {
  const { scope } = useScope();
  const [groups, setGroups] = useState<string[]>([]);
  const [range, setRange] = useState<TimeRange>(lastDuration(DAY));
  const [bucket, setBucket] = useState('');
  const [prefix, setPrefix] = useState('exportedlogs');
  const [creating, setCreating] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [queuedNote, setQueuedNote] = useState<string>();
  const buckets = useBuckets();
  const enqueue = useEnqueue();

  const prefixCheck = contract.exports.checkPolicy.request.shape.prefix.safeParse(prefix);
  const prefixError = prefixCheck.success ? undefined : (prefixCheck.error.issues[0]?.message ?? 'The prefix is not valid.');
  const policy = usePolicyCheck(bucket, prefix, bucket !== '' && prefixCheck.success);
  const sentence = policy.data === undefined ? undefined : policySentence(policy.data);
  const problem = rangeProblem(range);
  const ready = groups.length > 0 && problem === undefined && sentence?.ready === true && prefixError === undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || enqueue.isPending) return;
    const { start, end } = resolveRange(range, Date.now());
    try {
      await enqueue.mutateAsync({ logGroupNames: groups, from: start, to: end, bucket, prefix });
      setQueuedNote(`${plural(groups.length, 'export')} queued. They run one at a time; follow them in the queue.`);
      setGroups([]);
    } catch {
      // Shown under the form.
    }
  }

  const bucketList = buckets.data?.buckets ?? [];
  return (
    <>
    <form className="export-form" aria-label="New export" onSubmit={(event) => void submit(event)} noValidate>
      <GroupPicker selected={groups} onChange={setGroups} />
      <div className="field">
        <span className="field-label">Time range</span>
        <TimeRangePicker value={range} onChange={setRange} label="Export time range" />
        {problem !== undefined && <p className="field-error">{problem}</p>}
      </div>
      <Field label="Bucket" hint={bucketList.length === 0 && buckets.isSuccess ? `No buckets yet: create one in ${scope.region}.` : undefined}>
        {(aria) => (
          <div className="export-bucket-row">
            <select {...aria} className="select" value={bucket} onChange={(event) => setBucket(event.target.value)} aria-busy={buckets.isFetching}>
              <option value="">{buckets.isPending ? 'Loading buckets…' : 'Choose a bucket'}</option>
              {bucketList.map((option: BucketSummary) => (
                <option key={option.name} value={option.name}>
                  {option.name} — {option.region ?? 'region unknown'}
                </option>
              ))}
            </select>
            <button type="button" className="button button-quiet" onClick={() => setCreating(true)}>
              Create bucket…
            </button>
            {bucket !== '' && (
              <a className="link-button" href={whoChangedHash({ name: bucket, type: 'AWS::S3::Bucket' })} title="The changes made to this bucket (its creation, its policy) in the last 90 days, in CloudTrail">
                Who changed this
              </a>
            )}
          </div>
        )}
      </Field>
      {buckets.error !== null && <ErrorNotice error={buckets.error} context="Could not list the buckets" />}
      <Field label="Prefix" hint="Objects go under <prefix>/<task id>/<stream>/000000.gz." error={prefixError}>
        {(aria) => <input {...aria} className="input mono" spellCheck={false} value={prefix} onChange={(event) => setPrefix(event.target.value)} />}
      </Field>
      {bucket !== '' && (
        <div className={`notice ${sentence?.ready ? 'notice-success' : 'notice-warning'}`} role="status" aria-live="polite" aria-label="Bucket check">
          <div className="notice-body">
            {policy.isFetching && sentence === undefined && <p>Checking {bucket}…</p>}
            {sentence !== undefined && <p>{sentence.text}</p>}
            {policy.error !== null && <ErrorNotice error={policy.error} context={`Could not check ${bucket}`} />}
          </div>
          {policy.data?.status === 'needs-policy' && (
            <div className="notice-actions">
              <button type="button" className="button" onClick={() => setReviewing(true)}>
                Review policy change…
              </button>
            </div>
          )}
          {policy.data !== undefined && policy.data.status !== 'ready' && policy.data.status !== 'needs-policy' && (
            <div className="notice-actions">
              <button type="button" className="button button-quiet" onClick={() => void policy.refetch()}>
                Check again
              </button>
            </div>
          )}
        </div>
      )}
      {enqueue.error !== null && <ErrorNotice error={enqueue.error} context="Could not queue the export" />}
      {queuedNote !== undefined && (
        <p className="notice notice-success" role="status">
          {queuedNote}
        </p>
      )}
      <div className="export-form-actions">
        <button type="submit" className="button" aria-disabled={!ready || enqueue.isPending || undefined}>
          {groups.length > 1 ? `Export ${groups.length} groups` : 'Export'}
        </button>
      </div>
    </form>
      {/* Outside the form: a dialog's own form must not be nested in this one. */}
      {creating && (
        <CreateBucketDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setBucket(created.name);
          }}
        />
      )}
      {reviewing && policy.data?.status === 'needs-policy' && <PolicyDialog check={policy.data} prefix={prefix} onClose={() => setReviewing(false)} />}
    </>
  );
}
