/**
 * "Why did it fire": the logs of the breach window in one click. When the alarm's metric comes from a
 * metric filter, its group searched with its pattern; otherwise a log group the person linked to the
 * alarm (remembered in this window per connection, region and alarm).
 */
import { useState } from 'react';
import type { MetricAlarm } from '../../../../shared/contract';
import { formatTimestamp } from '../../../../shared/format';
import { groupSearchHash } from '../../app/links/logs';
import { useScope } from '../../app/scope';
import { useTimeZone } from '../../components/TimeZone';
import { useStoredValue } from '../../components/useStoredValue';
import { ErrorState } from '../../components/States';
import { alarmPeriod } from './alarmText';
import { linkedGroupsKey, parseLinkedGroups, withLink } from './linkedGroups';
import { LinkGroupDialog } from './LinkGroupDialog';
import { breachWindow, type StateChange } from './stateHistory';
import { useMetricFiltersOf } from './useAlarm';

/** The metric a metric filter would emit: the alarm's own, or a math alarm's first metric. */
function watchedMetric(alarm: MetricAlarm): { readonly namespace: string; readonly metricName: string } | undefined {
  if (alarm.namespace && alarm.metricName) return { namespace: alarm.namespace, metricName: alarm.metricName };
  const metric = alarm.metrics?.find((query) => query.metricStat)?.metricStat?.metric;
  return metric && { namespace: metric.namespace, metricName: metric.metricName };
}

export function WhyDidItFire({ alarm, changes, now }: { readonly alarm: MetricAlarm; readonly changes: readonly StateChange[]; readonly now: number }) {
  const { scope } = useScope();
  const { zone } = useTimeZone();
  const metric = watchedMetric(alarm);
  const filters = useMetricFiltersOf(metric);
  const [links, updateLinks] = useStoredValue(linkedGroupsKey(scope.connection.id, scope.region), parseLinkedGroups);
  const [linking, setLinking] = useState(false);
  const linked = links[alarm.name];
  const lookBackMs = alarm.evaluationPeriods * (alarmPeriod(alarm) ?? 60) * 1000;
  const window = breachWindow(changes, alarm, lookBackMs, now);
  const found = filters.data?.filters ?? [];

  return (
    <section className="alarm-section" aria-label="Why did it fire">
      <div className="alarm-section-head">
        <h2 className="alarm-section-title">Why did it fire</h2>
        {window && (
          <span className="muted">
            Breach window {formatTimestamp(window.start, zone, 'minute')} – {formatTimestamp(window.end, zone, 'minute')}
            {zone === 'utc' ? ' UTC' : ''}
          </span>
        )}
      </div>
      {!window ? (
        <p className="muted">The alarm has not been in ALARM in the last 30 days, so there is no breach to look into.</p>
      ) : filters.isError ? (
        <ErrorState inline error={filters.error} context="Could not look for the metric filters of the alarm’s metric" onRetry={() => void filters.refetch()} />
      ) : filters.isPending && metric ? (
        <p className="muted">Looking for a metric filter that emits {metric.metricName}…</p>
      ) : found.length > 0 ? (
        <ul className="alarm-why-list">
          {found.map((filter) => (
            <li key={`${filter.logGroupName} ${filter.filterName}`}>
              <a className="button" href={groupSearchHash({ logGroupName: filter.logGroupName, filterPattern: filter.filterPattern, start: window.start, end: window.end })}>
                Open the logs of the breach
              </a>{' '}
              <span>
                The metric comes from the metric filter <span className="mono">{filter.filterName}</span> of <span className="mono">{filter.logGroupName}</span>
                {filter.filterPattern ? (
                  <>
                    {' '}
                    with the pattern <code className="mono">{filter.filterPattern}</code>
                  </>
                ) : null}
                .
              </span>
            </li>
          ))}
        </ul>
      ) : linked ? (
        <p>
          <a className="button" href={groupSearchHash({ logGroupName: linked.logGroupName, filterPattern: linked.filterPattern, start: window.start, end: window.end })}>
            Open the logs of the breach
          </a>{' '}
          in the linked group <span className="mono">{linked.logGroupName}</span>
          {linked.filterPattern ? (
            <>
              {' '}
              with <code className="mono">{linked.filterPattern}</code>
            </>
          ) : null}
          .{' '}
          <button type="button" className="link-button" onClick={() => setLinking(true)}>
            Change
          </button>{' '}
          <button type="button" className="link-button" onClick={() => updateLinks((current) => withLink(current, alarm.name, undefined))}>
            Unlink
          </button>
        </p>
      ) : (
        <p>
          No metric filter emits this metric. Link the log group whose events explain it, and its logs of the breach open from here.{' '}
          <button type="button" className="button button-quiet" onClick={() => setLinking(true)}>
            Link a log group…
          </button>
        </p>
      )}
      {linking && (
        <LinkGroupDialog
          alarmName={alarm.name}
          initial={linked}
          onClose={() => setLinking(false)}
          onLink={(link) => {
            updateLinks((current) => withLink(current, alarm.name, link));
            setLinking(false);
          }}
        />
      )}
    </section>
  );
}
