/** "Create alarm" on a filter's metric: the alarms view's new-alarm link, with the filter for "why did it fire". */
import type { MetricDescriptor, MetricFilter } from '../../../../../shared/contract';
import { newAlarmHash } from '../../../app/links/alarms';
import { filterStat } from './filterMetric';

/** The period alarms on filter metrics start with: filters publish per minute. */
const ALARM_PERIOD_SECONDS = 60;

/** `metric`: one of a filter-with-dimensions' metrics; without it, the filter's metric (no dimensions). */
export function filterAlarmHash(filter: MetricFilter, metric?: MetricDescriptor): string {
  const t = filter.transformation;
  return newAlarmHash({
    metric: metric ?? { namespace: t.metricNamespace, metricName: t.metricName, dimensions: [] },
    stat: filterStat(filter),
    period: ALARM_PERIOD_SECONDS,
    metricFilter: { logGroupName: filter.logGroupName, filterName: filter.filterName, pattern: filter.filterPattern },
  });
}
