/**
 * The filter's metric over the last half hour, read again every few seconds, so the first datapoints from
 * newly ingested events show up as they arrive; until then it says why there are none yet.
 */
import { useMemo } from 'react';
import type { MetricFilter } from '../../../../../shared/contract';
import { formatTimestamp } from '../../../../../shared/format';
import { metricGraphHash } from '../../../app/links/metrics';
import type { ChartPoint, ChartSeries } from '../../../components/chart/chartOption';
import { TimeSeriesChart } from '../../../components/chart/TimeSeriesChart';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useTimeZone } from '../../../components/TimeZone';
import { filterMetricQuery, filterStat } from './filterMetric';
import { filterAlarmHash } from './filterAlarm';
import { useFilterDimensionMetrics, useFilterMetricData } from './useMetricFilters';

const PERIOD_SECONDS = 60;

export function FilterMetricChart({ filter }: { readonly filter: MetricFilter }) {
  const { zone } = useTimeZone();
  const query = useMemo(() => filterMetricQuery(filter, PERIOD_SECONDS), [filter]);
  const data = useFilterMetricData(filter, query);
  const { metricNamespace, metricName } = filter.transformation;
  const stat = filterStat(filter);
  const series = useMemo<ChartSeries[]>(
    () =>
      (data.data?.data.series ?? []).map((result, index) => ({
        id: `${result.id}:${index}`,
        label: result.label || metricName,
        points: result.timestamps.map((time, at): ChartPoint => [time, result.values[at] ?? null]).sort((a, b) => a[0] - b[0]),
      })),
    [data.data, metricName],
  );
  const dimensionNames = Object.keys(filter.transformation.dimensions ?? {});
  const datapoints = series.reduce((sum, entry) => sum + entry.points.length, 0);
  const graphLink = metricGraphHash({ title: `${metricName} (${filter.logGroupName} · ${filter.filterName})`, range: '-30m', refreshSeconds: 10, series: [query.expression ? { expression: query.expression } : { metric: { namespace: metricNamespace, metricName, dimensions: [] }, stat }] });

  return (
    <section className="filter-metric" aria-label={`Metric of ${filter.filterName}`}>
      <div className="filter-metric-head">
        <h3 className="filter-metric-title">
          <span className="mono">
            {metricNamespace} / {metricName}
          </span>{' '}
          <span className="muted">
            {stat} per minute, last 30 minutes{data.isFetching ? ' · refreshing…' : ''}
          </span>
        </h3>
        <a className="link-button" href={graphLink}>
          Open in Metrics
        </a>
      </div>
      {data.isError && <ErrorNotice error={data.error} context="Could not read the filter's metric" />}
      <p className="filter-metric-status" role="status">
        {data.data === undefined
          ? 'Reading the metric…'
          : datapoints === 0
            ? `No datapoints yet: only events ingested since ${formatTimestamp(filter.creationTime, zone, 'second')} count, and each matching one publishes within the minute. This graph refreshes every 10 seconds.`
            : `${datapoints} ${datapoints === 1 ? 'datapoint' : 'datapoints'} from events ingested since the filter was saved.`}
      </p>
      {dimensionNames.length > 0 && <AlarmLinks filter={filter} />}
      {data.data && datapoints > 0 && (
        <TimeSeriesChart className="filter-metric-chart" kind="bar" series={series} range={{ start: data.data.startTime, end: data.data.endTime }} zone={zone} label={`Graph of ${metricName}`} legend={series.length > 1} />
      )}
    </section>
  );
}

/** A filter with dimensions publishes one metric per value combination: "Create alarm" for each seen so far. */
function AlarmLinks({ filter }: { readonly filter: MetricFilter }) {
  const metrics = useFilterDimensionMetrics(filter, true);
  const list = metrics.data ?? [];
  return (
    <div className="filter-alarm-links">
      <span className="muted">Create an alarm on:</span>
      {list.length === 0 ? (
        <span className="muted">{metrics.isPending ? 'listing its metrics…' : 'none yet — each value combination becomes a metric once an event publishes it.'}</span>
      ) : (
        <ul>
          {list.map((metric) => {
            const text = metric.dimensions.map((dimension) => `${dimension.name}=${dimension.value}`).join(', ');
            return (
              <li key={text}>
                <a className="link-button mono" href={filterAlarmHash(filter, metric)}>
                  {text}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
