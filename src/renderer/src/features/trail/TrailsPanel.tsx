/** The region's trails with their status: logging or not, latest delivery, bucket, multi-region, log file validation. */
import { useQuery } from '@tanstack/react-query';
import type { Trail } from '../../../../shared/contract';
import { formatAge, formatTimestamp } from '../../../../shared/format';
import { useScope } from '../../app/scope';
import { Panel } from '../../components/Panel';
import { QueryStateBody } from '../../components/QueryStateBody';
import { EmptyState, LoadingState } from '../../components/States';
import { useTimeZone } from '../../components/TimeZone';

export function TrailsPanel() {
  const { key, scope } = useScope();
  const query = useQuery({ queryKey: [...key, 'trail', 'trails'], queryFn: () => window.api.trail.trails({}) });
  const trails = query.data ?? [];
  return (
    <Panel label="Trails" count={query.data === undefined ? '' : `${trails.length} ${trails.length === 1 ? 'trail' : 'trails'}`} refresh={{ label: 'Refresh', onClick: () => void query.refetch() }}>
      <QueryStateBody
        query={query}
        loading={<LoadingState label={`Loading the trails of ${scope.region}…`} />}
        errorContext="Could not load the trails"
        empty={
          trails.length === 0 ? (
            <EmptyState title={`No trail logs ${scope.region}`}>
              Event history still keeps 90 days of management events here. A trail keeps them longer, in an S3 bucket (and optionally CloudWatch
              Logs); create one in the CloudTrail console.
            </EmptyState>
          ) : undefined
        }
      >
        <ul className="trail-list">
          {trails.map((trail) => (
            <TrailCard key={trail.arn} trail={trail} region={scope.region} loadedAt={query.dataUpdatedAt} />
          ))}
        </ul>
      </QueryStateBody>
    </Panel>
  );
}

function TrailCard({ trail, region, loadedAt }: { readonly trail: Trail; readonly region: string; readonly loadedAt: number }) {
  const { zone } = useTimeZone();
  const status = trail.status;
  const when = (time: number | undefined) =>
    time === undefined ? '—' : `${formatTimestamp(time, zone, 'second')}${zone === 'utc' ? ' UTC' : ''} (${formatAge(time, loadedAt)})`;
  return (
    <li className="trail-card" aria-label={`Trail ${trail.name}`}>
      <h3 className="trail-card-title">
        {trail.name}
        {status && <span className={status.isLogging ? 'badge badge-ok' : 'badge badge-warning'}>{status.isLogging ? 'Logging' : 'Not logging'}</span>}
      </h3>
      <dl className="detail-facts">
        <div>
          <dt>Regions</dt>
          <dd>
            {trail.isMultiRegion ? 'All regions' : `Only ${trail.homeRegion}`}
            {trail.homeRegion !== region && ` (created in ${trail.homeRegion})`}
          </dd>
        </div>
        <div>
          <dt>Latest delivery</dt>
          <dd>{status ? when(status.latestDeliveryTime) : (trail.statusProblem ?? '—')}</dd>
        </div>
        {status?.latestDeliveryError && (
          <div>
            <dt>Delivery error</dt>
            <dd className="trail-error">{status.latestDeliveryError}</dd>
          </div>
        )}
        <div>
          <dt>S3 bucket</dt>
          <dd className="mono">{trail.s3BucketName ? `${trail.s3BucketName}${trail.s3KeyPrefix ? `/${trail.s3KeyPrefix}` : ''}` : '—'}</dd>
        </div>
        <div>
          <dt>Log file validation</dt>
          <dd>{trail.logFileValidation ? `On${status?.latestDigestDeliveryTime ? ` — latest digest ${when(status.latestDigestDeliveryTime)}` : ''}` : 'Off'}</dd>
        </div>
        {trail.cloudWatchLogsLogGroupArn && (
          <div>
            <dt>CloudWatch Logs</dt>
            <dd className="mono">
              {trail.cloudWatchLogsLogGroupArn.replace(/^arn:[^:]+:logs:[^:]+:\d+:log-group:/, '').replace(/:\*$/, '')}
              {status?.latestCloudWatchLogsDeliveryTime !== undefined && <span className="muted"> — delivered {when(status.latestCloudWatchLogsDeliveryTime)}</span>}
            </dd>
          </div>
        )}
        {trail.kmsKeyId && (
          <div>
            <dt>Encryption</dt>
            <dd className="mono">{trail.kmsKeyId}</dd>
          </div>
        )}
        {status?.startLoggingTime !== undefined && (
          <div>
            <dt>Logging since</dt>
            <dd>{when(status.startLoggingTime)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
