/**
 * The datapoints an alarm evaluation reads: the last evaluation range (N + 2 periods, `evaluationRangePeriods`)
 * ending at the evaluation's minute, each period aggregated from the metrics store. A single-metric alarm
 * reads its metric with its statistic (or extended statistic) and unit over its period, with each period's
 * sample count (for the low-sample percentile rule); a metric-math alarm runs its Metrics through GetMetricData
 * itself, so alarms know every function GetMetricData knows, and a band alarm takes each period's lower and
 * upper bounds from its ThresholdMetricId series.
 */
import { evaluationEnd, evaluationRangePeriods, type AlarmConfig, type AlarmDatapoint } from '../../../../shared/alarms';
import { parseStatistic, type Statistic } from '../../../../shared/metric-statistics';
import type { RequestContext } from '../../../core/context';
import type { AccountState, RegionState } from '../../../state';
import { getMetricData } from '../operations/get-metric-data';
import { metricKey, type MetricIdentity } from '../series';
import { METRICS_STORE } from '../store';
import { engineConfig } from './metric-alarm-input';
import type { MetricAlarmConfig } from './model';

/** What an alarm's configuration gives once, kept while the configuration stays the same. */
export interface CompiledAlarm {
  readonly engine: AlarmConfig;
  readonly periodMs: number;
  readonly rangePeriods: number;
  /** Single-metric alarms only. */
  readonly metric?: { readonly identity: MetricIdentity; readonly key: string; readonly statistic: Statistic; readonly unit: string | undefined };
}

const compiled = new WeakMap<MetricAlarmConfig, CompiledAlarm>();

export function compileAlarm(config: MetricAlarmConfig): CompiledAlarm {
  let result = compiled.get(config);
  if (result !== undefined) return result;
  const engine = engineConfig(config);
  const stat = config.Statistic ?? config.ExtendedStatistic;
  const parsed = stat === undefined ? undefined : parseStatistic(stat);
  result = {
    engine,
    periodMs: engine.period * 1000,
    rangePeriods: evaluationRangePeriods(config.EvaluationPeriods),
    ...(config.MetricName !== undefined && config.Namespace !== undefined && parsed?.ok === true
      ? {
          metric: {
            identity: { namespace: config.Namespace, metricName: config.MetricName, dimensions: config.Dimensions },
            key: metricKey(config.Namespace, config.MetricName, config.Dimensions),
            statistic: parsed.statistic,
            unit: config.Unit,
          },
        }
      : {}),
  };
  compiled.set(config, result);
  return result;
}

export function alarmDatapoints(config: MetricAlarmConfig, region: RegionState, account: AccountState, now: number): AlarmDatapoint[] {
  const alarm = compileAlarm(config);
  const end = evaluationEnd(now, alarm.engine.period);
  const start = end - alarm.rangePeriods * alarm.periodMs;
  if (alarm.metric !== undefined) return metricDatapoints(alarm, region, start, end, now);
  return mathDatapoints(config, region, account, start, end, now);
}

function metricDatapoints(alarm: CompiledAlarm, region: RegionState, start: number, end: number, now: number): AlarmDatapoint[] {
  const { identity, statistic, unit } = alarm.metric!;
  const series = region.store(METRICS_STORE).get(identity);
  if (series === undefined) return [];
  const datapoints: AlarmDatapoint[] = [];
  for (const { timestamp, aggregate } of series.periods(start, end, alarm.engine.period, now, unit)) {
    const value = aggregate.statistic(statistic);
    if (value !== undefined) datapoints.push({ timestamp, value, sampleCount: aggregate.count });
  }
  return datapoints;
}

interface ResultSeries {
  readonly Id: string;
  readonly Timestamps: readonly Date[];
  readonly Values: readonly number[];
}

function mathDatapoints(config: MetricAlarmConfig, region: RegionState, account: AccountState, start: number, end: number, now: number): AlarmDatapoint[] {
  const watched = config.Metrics!.find((m) => m.ReturnData !== false && m.Id !== config.ThresholdMetricId);
  if (watched === undefined) return [];
  const body = {
    StartTime: start / 1000,
    EndTime: end / 1000,
    ScanBy: 'TimestampAscending',
    MetricDataQueries: config.Metrics!.map((m) => ({ ...m, ReturnData: m.Id === watched.Id || m.Id === config.ThresholdMetricId })),
  };
  const context: RequestContext = { requestId: 'alarm-evaluation', accountId: region.accountId, region: region.region, now, state: region, account, caller: { kind: 'anonymous' } };
  let results: readonly ResultSeries[];
  try {
    results = getMetricData(body, context).MetricDataResults;
  } catch {
    // An expression that cannot be computed (an unknown function, a bad reference) gives no datapoints:
    // the alarm goes to INSUFFICIENT_DATA, as AWS's does when its query fails.
    return [];
  }
  const values = results.find((r) => r.Id === watched.Id);
  if (values === undefined) return [];
  const band = bandOf(results.filter((r) => r.Id === config.ThresholdMetricId));
  return values.Timestamps.map((t, i) => {
    const timestamp = t.getTime();
    const bounds = band.get(timestamp);
    return { timestamp, value: values.Values[i]!, ...(bounds === undefined ? {} : bounds) };
  });
}

/** An ANOMALY_DETECTION_BAND's lower and upper series, by timestamp: the smaller of its two values is the lower bound. */
function bandOf(series: readonly ResultSeries[]): Map<number, { lower: number; upper: number }> {
  const band = new Map<number, { lower: number; upper: number }>();
  for (const { Timestamps, Values } of series) {
    Timestamps.forEach((t, i) => {
      const value = Values[i]!;
      const held = band.get(t.getTime());
      band.set(t.getTime(), held === undefined ? { lower: value, upper: value } : { lower: Math.min(held.lower, value), upper: Math.max(held.upper, value) });
    });
  }
  return band;
}
