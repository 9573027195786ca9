/**
 * The open group at a glance — retention, size, class, metric filters, encryption — with what can be
 * done to it: change retention, mark as favourite, see who changed it (CloudTrail), open it in the AWS
 * console, delete it.
 */
import { useState } from 'react';
import type { LogGroup } from '../../../../shared/contract';
import { logGroupConsoleUrl } from '../../../../shared/console-links';
import { formatBytes, formatCount, formatLogGroupClass, formatRetention } from '../../../../shared/format';
import { whoChangedHash } from '../../app/links/trail';
import { useScope } from '../../app/scope';
import { ExternalLinkIcon, LockIcon, StarIcon, TrashIcon } from '../../components/icons';
import { DeleteGroupDialog } from './groups/DeleteGroupDialog';
import { toggleFavourite } from '../../components/group-preferences/groupPreferences';
import { RetentionDialog } from './groups/RetentionDialog';
import { useGroupPreferences } from './groups/useGroupPreferences';

interface GroupHeaderProps {
  readonly group: LogGroup;
  readonly onChanged: (group: LogGroup) => void;
  readonly onDeleted: () => void;
  /** Opens the group's metric filters. */
  readonly onShowMetricFilters: () => void;
}

export function GroupHeader({ group, onChanged, onDeleted, onShowMetricFilters }: GroupHeaderProps) {
  const { scope } = useScope();
  const [preferences, updatePreferences] = useGroupPreferences();
  const [dialog, setDialog] = useState<'retention' | 'delete' | null>(null);
  const favourite = preferences.favourites.includes(group.name);

  return (
    <div className="group-header">
      <dl className="group-summary">
        <div>
          <dt>Retention</dt>
          <dd>
            {formatRetention(group.retentionInDays)}
            <button type="button" className="link-button" onClick={() => setDialog('retention')} aria-label={`Change retention of ${group.name}`}>
              Change
            </button>
          </dd>
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
          <dd>
            {formatCount(group.metricFilterCount)}
            <button type="button" className="link-button" onClick={onShowMetricFilters} aria-label={`Show the metric filters of ${group.name}`}>
              {group.metricFilterCount === 0 ? 'Create' : 'Show'}
            </button>
          </dd>
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
      <div className="group-actions">
        <button
          type="button"
          className="icon-button"
          aria-pressed={favourite}
          aria-label={favourite ? 'Remove from favourites' : 'Add to favourites'}
          title={favourite ? 'Remove from favourites' : 'Add to favourites'}
          onClick={() => updatePreferences((current) => toggleFavourite(current, group.name))}
        >
          <StarIcon filled={favourite} />
        </button>
        <a className="link-button" href={whoChangedHash({ name: group.name, type: 'AWS::Logs::LogGroup' })} title="The changes made to this group in the last 90 days, in CloudTrail">
          Who changed this
        </a>
        <a className="link-button" href={logGroupConsoleUrl(scope.region, group.name)} target="_blank" rel="noreferrer">
          Open in AWS console
          <ExternalLinkIcon />
        </a>
        <button type="button" className="button button-quiet" onClick={() => setDialog('delete')}>
          <TrashIcon />
          Delete…
        </button>
      </div>
      {dialog === 'retention' && (
        <RetentionDialog
          group={group}
          onClose={() => setDialog(null)}
          onChanged={(changed) => {
            setDialog(null);
            onChanged(changed);
          }}
        />
      )}
      {dialog === 'delete' && <DeleteGroupDialog group={group} onClose={() => setDialog(null)} onDeleted={onDeleted} />}
    </div>
  );
}
