import type { LogGroup } from '../../../../shared/contract';
import { formatBytes, formatCount, formatLogGroupClass, formatRetention } from '../../../../shared/format';
import { LockIcon } from '../../components/icons';

/** The open group's settings at a glance, above its streams and events. */
export function GroupSummary({ group }: { group: LogGroup }) {
  return (
    <dl className="group-summary">
      <div>
        <dt>Retention</dt>
        <dd>{formatRetention(group.retentionInDays)}</dd>
      </div>
      <div>
        <dt>Stored</dt>
        <dd>{formatBytes(group.storedBytes)}</dd>
      </div>
      <div>
        <dt>Class</dt>
        <dd>{formatLogGroupClass(group.logGroupClass)}</dd>
      </div>
      <div>
        <dt>Metric filters</dt>
        <dd>{formatCount(group.metricFilterCount)}</dd>
      </div>
      <div>
        <dt>Encryption</dt>
        <dd title={group.kmsKeyId}>
          {group.kmsKeyId ? (
            <>
              <LockIcon /> KMS
            </>
          ) : (
            'AWS owned key'
          )}
        </dd>
      </div>
    </dl>
  );
}
