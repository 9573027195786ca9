/**
 * GetMetricStatistics: the statistics of one metric, matched by its exact dimension set, per period —
 * either Statistics (up to 5 of SampleCount, Average, Sum, Minimum, Maximum) or ExtendedStatistics (up to
 * 10 percentiles and the trimmed family), not both; at most 1,440 datapoints per call.
 */
import { parseStatistic, type Statistic } from '../../../../shared/metric-statistics';
import { datapointsFor, GET_METRIC_STATISTICS_MAX_DATAPOINTS } from '../../../../shared/metric-periods';
import type { RequestContext } from '../../../core/context';
import { CloudWatchInput, invalidCombination, invalidValue, readDimensions, readNamespace, readUnit } from '../common';
import { alignedStart, checkPeriod, checkTimeRange } from '../query-time';
import { METRICS_STORE } from '../store';

const STATISTIC_NAMES = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;

interface Datapoint {
  Timestamp: Date;
  Unit: string;
  SampleCount?: number;
  Average?: number;
  Sum?: number;
  Minimum?: number;
  Maximum?: number;
  ExtendedStatistics?: Record<string, number>;
}

export function getMetricStatistics(body: unknown, context: RequestContext): { Label: string; Datapoints: Datapoint[] } {
  const input = CloudWatchInput.of(body);
  const namespace = readNamespace(input, { required: true })!;
  const metricName = input.string('MetricName', { required: true, maxLength: 255 })!;
  const dimensions = readDimensions(input);
  const start = input.timestampMs('StartTime', { required: true })!;
  const end = input.timestampMs('EndTime', { required: true })!;
  const period = input.integer('Period', { required: true })!;
  checkPeriod(period, 'Period');
  const unit = readUnit(input);
  const statistics = input.strings('Statistics', { max: 5 });
  const extended = input.strings('ExtendedStatistics', { max: 10 });
  if ((statistics === undefined || statistics.length === 0) === (extended === undefined || extended.length === 0)) {
    throw invalidCombination('Must specify either Statistics or ExtendedStatistics, but not both.');
  }
  statistics?.forEach((name, i) => {
    if (!(STATISTIC_NAMES as readonly string[]).includes(name)) {
      throw invalidValue(`The value ${name} for parameter Statistics.member.${i + 1} is not a valid statistic. Valid statistics: ${STATISTIC_NAMES.join(', ')}.`);
    }
  });
  const extendedStatistics: [string, Statistic][] = (extended ?? []).map((name, i) => {
    const parsed = parseStatistic(name);
    if (!parsed.ok || parsed.statistic.kind === 'standard') {
      throw invalidValue(`The value ${name} for parameter ExtendedStatistics.member.${i + 1} is not a valid extended statistic. ${parsed.ok ? 'Use Statistics for it.' : parsed.message}`);
    }
    return [name, parsed.statistic];
  });
  checkTimeRange(start, end);
  const from = alignedStart(start, period, context.now);
  const requested = datapointsFor(from, end, period);
  if (requested > GET_METRIC_STATISTICS_MAX_DATAPOINTS) {
    throw invalidCombination(
      `You have requested up to ${requested.toLocaleString('en-US')} datapoints, which exceeds the limit of ${GET_METRIC_STATISTICS_MAX_DATAPOINTS.toLocaleString('en-US')}. ` +
        'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
  }

  const series = context.state.store(METRICS_STORE).get({ namespace, metricName, dimensions });
  const datapoints: Datapoint[] = [];
  for (const { timestamp, unit: dataUnit, aggregate } of series?.periods(from, end, period, context.now, unit) ?? []) {
    const datapoint: Datapoint = { Timestamp: new Date(timestamp), Unit: dataUnit };
    for (const name of statistics ?? []) datapoint[name as (typeof STATISTIC_NAMES)[number]] = aggregate.statistic({ kind: 'standard', name: name as (typeof STATISTIC_NAMES)[number] });
    if (extendedStatistics.length > 0) {
      const values: Record<string, number> = {};
      for (const [name, statistic] of extendedStatistics) {
        const value = aggregate.statistic(statistic);
        if (value !== undefined) values[name] = value;
      }
      if (Object.keys(values).length === 0) continue;
      datapoint.ExtendedStatistics = values;
    }
    datapoints.push(datapoint);
  }
  return { Label: metricName, Datapoints: datapoints };
}
